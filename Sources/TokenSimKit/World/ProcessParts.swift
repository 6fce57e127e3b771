/// The parts a new process record is made of that retired records leave for reuse: strategy
/// holders (with the per-role prototypes a reused one is reset to) and ask lines, emptied with
/// their buffers kept. A CLI invocation lives one event chain and holds one ask at a time: made
/// from new parts, it allocated and freed a strategy holder and an ask line's buffer each time
/// (about 600 instructions together).
struct ProcessParts {
  /// The role's strategies, and the holders retired processes left.
  var strategies: StrategyPrototypes
  /// Ask lines left by retired processes, empty, at most `sparesKept`.
  private var askLines: [KeyedLine<OpenAsk>] = []
  private static var sparesKept: Int { 64 }

  /// Parts whose strategies come from `strategies`.
  init(strategies: StrategyPrototypes) { self.strategies = strategies }

  /// An empty ask line, with the buffer of a retired process's when one is left.
  mutating func askLine() -> KeyedLine<OpenAsk> { askLines.popLast() ?? KeyedLine() }

  /// Keeps `line`, a retired process's, emptied, for a process to come.
  mutating func keep(_ line: consuming KeyedLine<OpenAsk>) {
    guard askLines.count < Self.sparesKept else { return }
    line.removeAll()
    askLines.append(line)
  }
}

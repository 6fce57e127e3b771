/// The workload's calls waiting for a token, answered all at once, in the order they asked. A
/// call may also leave the line alone (`withdraw`, O(log n)): a broker drops the question a client
/// asked again.
///
/// The oldest call waits in a slot of its own, the others in a line behind it: a process usually
/// has one call waiting at a time, and a line for it cost an append and an emptying (about 140
/// instructions a call), and a buffer allocated and freed for every CLI invocation that waited.
struct WaitingCalls: Equatable {
  /// The oldest call waiting, when it is the only one or asked before every call in `later` (in
  /// eight bytes: every process's engine holds one, `CompactRecordTests` pins its size).
  @CompactNumber private var first: Int? = nil
  /// The calls waiting after `first` (every one asked after it), in ask order.
  private var later = KeyedLine<Void>()

  /// Whether no call is waiting.
  var isEmpty: Bool { first == nil && later.isEmpty }

  /// How many calls are waiting.
  var count: Int { (first == nil ? 0 : 1) + later.count }

  /// A call starts waiting (again: a call already waiting stays once).
  mutating func add(_ ask: Int) {
    guard let oldest = first else {
      if later.isEmpty { first = ask } else { later[ask] = () }
      return
    }
    guard ask != oldest else { return }
    guard ask < oldest else {
      later[ask] = ()
      return
    }
    // Asked before the oldest (a number out of turn): it takes the slot, the oldest joins the line.
    later[oldest] = ()
    first = ask
  }

  /// A call stops waiting without an answer.
  mutating func withdraw(_ ask: Int) {
    if first == ask { first = nil } else { later.removeValue(forKey: ask) }
  }

  /// Forgets every call waiting, keeping the line's buffer.
  mutating func removeAll() {
    first = nil
    if !later.isEmpty { later.removeAll() }
  }

  /// Grants every waiting call `token`.
  mutating func grantAll(_ token: AccessToken, into actions: inout [StrategyAction]) {
    answerAll(into: &actions) { .grant(ask: $0, token: token) }
  }

  /// Fails every waiting call.
  mutating func denyAll(_ reason: String, into actions: inout [StrategyAction]) {
    answerAll(into: &actions) { .deny(ask: $0, reason: reason) }
  }

  /// Appends one action per waiting call, in ask order; no call is left waiting.
  private mutating func answerAll(into actions: inout [StrategyAction], _ answer: (Int) -> StrategyAction) {
    if let oldest = first {
      actions.append(answer(oldest))
      first = nil
    }
    guard !later.isEmpty else { return }
    later.forEachKey { actions.append(answer($0)) }
    later.removeAll()
  }

  /// The calls waiting, in ask order.
  private var keys: [Int] {
    var keys = first.map { [$0] } ?? []
    later.forEachKey { keys.append($0) }
    return keys
  }

  static func == (lhs: WaitingCalls, rhs: WaitingCalls) -> Bool { lhs.keys == rhs.keys }
}

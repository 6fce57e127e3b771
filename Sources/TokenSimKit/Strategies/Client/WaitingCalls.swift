/// The workload's calls waiting for a token, answered all at once, in the order they asked. A
/// call may also leave the line alone (`withdraw`, O(log n)): a broker drops the question a client
/// asked again.
struct WaitingCalls: Equatable {
  private var asks = KeyedLine<Void>()

  /// Whether no call is waiting.
  var isEmpty: Bool { asks.isEmpty }

  /// How many calls are waiting.
  var count: Int { asks.count }

  /// A call starts waiting.
  mutating func add(_ ask: Int) { asks[ask] = () }

  /// A call stops waiting without an answer.
  mutating func withdraw(_ ask: Int) { asks.removeValue(forKey: ask) }

  /// Forgets every call waiting, keeping the line's buffer.
  mutating func removeAll() { asks.removeAll() }

  /// Grants every waiting call `token`.
  mutating func grantAll(_ token: AccessToken, into actions: inout [StrategyAction]) {
    answerAll(into: &actions) { .grant(ask: $0, token: token) }
  }

  /// Fails every waiting call.
  mutating func denyAll(_ reason: String, into actions: inout [StrategyAction]) {
    answerAll(into: &actions) { .deny(ask: $0, reason: reason) }
  }

  /// Appends one action per waiting call, in ask order; the line is left empty.
  private mutating func answerAll(into actions: inout [StrategyAction], _ answer: (Int) -> StrategyAction) {
    guard !asks.isEmpty else { return }
    asks.forEachKey { actions.append(answer($0)) }
    asks.removeAll()
  }

  static func == (lhs: WaitingCalls, rhs: WaitingCalls) -> Bool {
    lhs.asks.elements.map(\.key) == rhs.asks.elements.map(\.key)
  }
}

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

  /// Grants every waiting call `token`.
  mutating func grantAll(_ token: AccessToken) -> [StrategyAction] {
    defer { asks = KeyedLine() }
    return asks.elements.map { .grant(ask: $0.key, token: token) }
  }

  /// Fails every waiting call.
  mutating func denyAll(_ reason: String) -> [StrategyAction] {
    defer { asks = KeyedLine() }
    return asks.elements.map { .deny(ask: $0.key, reason: reason) }
  }

  static func == (lhs: WaitingCalls, rhs: WaitingCalls) -> Bool {
    lhs.asks.elements.map(\.key) == rhs.asks.elements.map(\.key)
  }
}

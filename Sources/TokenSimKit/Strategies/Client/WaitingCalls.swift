/// The workload's calls waiting for a token, answered all at once.
struct WaitingCalls: Equatable {
  private var asks: [Int] = []

  /// Whether no call is waiting.
  var isEmpty: Bool { asks.isEmpty }

  /// A call starts waiting.
  mutating func add(_ ask: Int) { asks.append(ask) }

  /// Grants every waiting call `token`.
  mutating func grantAll(_ token: AccessToken) -> [StrategyAction] {
    defer { asks.removeAll() }
    return asks.map { .grant(ask: $0, token: token) }
  }

  /// Fails every waiting call.
  mutating func denyAll(_ reason: String) -> [StrategyAction] {
    defer { asks.removeAll() }
    return asks.map { .deny(ask: $0, reason: reason) }
  }
}

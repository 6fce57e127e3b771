/// The workload's calls waiting for a token, answered all at once, in the order they asked. A
/// call may also leave the line alone (`withdraw`, O(log n)): a broker drops the question a client
/// asked again. A process usually has one call waiting at a time, which `OrderedNumbers` keeps
/// inline.
struct WaitingCalls: Equatable {
  private var asks = OrderedNumbers()

  /// Whether no call is waiting.
  var isEmpty: Bool { asks.isEmpty }

  /// How many calls are waiting.
  var count: Int { asks.count }

  /// A call starts waiting (again: a call already waiting stays once).
  mutating func add(_ ask: Int) { asks.add(ask) }

  /// A call stops waiting without an answer.
  mutating func withdraw(_ ask: Int) { asks.remove(ask) }

  /// Forgets every call waiting, keeping the line's buffer.
  mutating func removeAll() { asks.removeAll() }

  /// Grants every waiting call `token`.
  mutating func grantAll(_ token: AccessToken, into actions: inout [StrategyAction]) {
    asks.takeAll { actions.append(.grant(ask: $0, token: token)) }
  }

  /// Fails every waiting call.
  mutating func denyAll(_ reason: String, into actions: inout [StrategyAction]) {
    asks.takeAll { actions.append(.deny(ask: $0, reason: reason)) }
  }
}

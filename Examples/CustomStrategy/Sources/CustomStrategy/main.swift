import TokenSimKit

/// A client that never refreshes: for every call it reads the shared credentials file and uses
/// the access token there while it is valid. It lives only as long as the login's first access
/// token, which is what the run below shows.
struct ReadOnlyStrategy: RefreshStrategy {
  /// Calls waiting for the store read under way.
  private var waiting: [Int] = []

  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    switch event {
    case .tokenNeeded(let ask, _):
      waiting.append(ask)
      if waiting.count == 1 { actions.append(.readStore) }
    case .storeRead(let result):
      let asks = waiting
      waiting = []
      guard case .contents(let store) = result, let credentials = store.credentials,
        let token = credentials.accessToken, let expiry = credentials.accessExpiresAt, context.now < expiry
      else {
        actions += asks.map { .deny(ask: $0, reason: "no valid access token in the store") }
        return
      }
      actions += asks.map { .grant(ask: $0, token: token) }
    default:
      break
    }
  }
}

let scenario = try Scenario.parse(
  """
  {"name": "read-only-client", "description": "one daemon calling the API every minute for three hours",
   "duration": "3h", "server": {"accessTokenTTL": "1h"},
   "hosts": [{"name": "laptop", "processes": [{"name": "sync", "role": "daemon", "cycle": {"every": "1m"}}]}]}
  """, file: "inline.json")
let result = Simulation(scenario: scenario, strategyName: "read-only") { _ in ReadOnlyStrategy() }.run()
let metrics = result.metrics
print("\(scenario.name) × \(result.strategyName): \(result.analysis.verdict)")
print("  API calls \(metrics.apiCalls), failed \(metrics.apiCallsFailed), token requests \(metrics.tokenRequests)")
for check in result.analysis.checks where check.verdict == .fail {
  let evidence = check.evidence.map { [$0.process, $0.what].compactMap { $0 }.joined(separator: " ") } ?? ""
  print("  fail \(check.id): \(evidence)")
}

import Testing

@testable import TokenSimKit

/// Issue 15, item 2: a call the API refuses with 401 because another process's rotation
/// invalidated its access token (seed 004, GitHub-like servers) is sent once more with a fresh
/// token when the strategy says so (`retryRejectedCall`), so the daemon's cycles complete.
@Suite struct RejectedCallRetryTests {
  /// Seed 004's mechanism at its smallest: a daemon cycling every 5 s and a CLI every 25 s that
  /// refreshes at start, rotating the single-use token and invalidating older access tokens.
  let seed004 = oneHost(
    duration: "10m",
    server: """
      {"accessTokenTTL": "30m", "onReuse": "reject", "rotationRevokesAccessTokens": true,
       "errorFormat": {"style": "rfc6749", "status": 403}}
      """,
    processes: """
      [{"name": "daemon", "role": "daemon", "cycle": {"every": "5s", "apiCalls": 1}},
       {"name": "cli", "role": "cli", "arrivals": {"every": "25s"}, "startAt": "20s", "refreshAtStart": true}]
      """)

  func cycles(_ result: RunResult) -> (ok: Int, failed: Int) {
    let ends = result.trace.compactMap { event -> Bool? in
      if case .workCycleEnded(_, let ok) = event.kind { ok } else { nil }
    }
    return (ends.filter { $0 }.count, ends.filter { !$0 }.count)
  }

  @Test func aCallRefusedAfterAnotherProcessRotatedIsRetriedWithTheRereadTokenAndCyclesComplete() throws {
    let without = try run(seed004, strategy: "reread-from-disk", "retryRejectedCall=false")
    let with = try run(seed004, strategy: "reread-from-disk", "retryRejectedCall=true")
    // 120 cycles in 10 min; every CLI (23 of them) invalidates the daemon's access token once.
    #expect(cycles(without).failed == 23)
    #expect(cycles(with) == (ok: 120, failed: 0))
    #expect(with.metrics.tokenRequests == without.metrics.tokenRequests)
  }

  @Test func aRetriedCallIsRetriedOnlyOnce() throws {
    // The token expires at 1 min and is never refreshed; the probe retries every refused call.
    let expiring = oneHost(
      duration: "5m", server: #"{"accessTokenTTL": "1m"}"#,
      processes: #"[{"name": "daemon", "role": "daemon", "cycle": {"every": "2m", "apiCalls": 1}}]"#)
    let result = try run(expiring) { _ in AlwaysRetry() }
    let refused = result.trace.filter {
      if case .apiCallEnded(_, false, 401) = $0.kind { true } else { false }
    }
    // Cycles at 0, 2 and 4 min: the first succeeds, each later one is refused twice and fails.
    #expect(cycles(result) == (ok: 1, failed: 2))
    #expect(refused.count == 4)
  }

  @Test func theExemplarsDefaultsSayWhoRetries() throws {
    for (name, retries) in [
      ("naive", false), ("single-flight", false), ("advisory-mandatory", false), ("reread-from-disk", true),
      ("lock-on-write", false), ("lock-whole-refresh", false), ("lease-shared", true), ("broker", false),
    ] {
      let choice = try choice(name)
      #expect(choice.parameters.bool("retryRejectedCall") == retries, "\(name)")
    }
  }
}

/// A strategy that grants the stored token and retries every refused call with it again.
struct AlwaysRetry: RefreshStrategy {
  var token: AccessToken?
  var waiting: [Int] = []
  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    actions += answer(event, context: &context)
  }

  mutating func answer(_ event: StrategyEvent, context: inout StrategyContext) -> [StrategyAction] {
    switch event {
    case .started: return [.readStore]
    case .storeRead(.contents(let store)):
      token = store.credentials?.accessToken
      defer { waiting = [] }
      return waiting.map { .grant(ask: $0, token: token!) }
    case .tokenNeeded(let ask, _):
      guard let token else {
        waiting.append(ask)
        return []
      }
      return [.grant(ask: ask, token: token)]
    case .apiRejected(let ask, let refused, _): return [.retryCall(ask: ask), .grant(ask: ask, token: refused)]
    default: return []
    }
  }
}

import Testing

@testable import TokenSimKit

/// Faults on the token endpoint and the API, each observed through the trace.
@Suite struct FaultInjectionTests {
  let daemonEvery10s = #"[{"name": "d", "role": "daemon", "cycle": {"every": "10s"}}]"#

  func retryAfterHeaders(_ result: RunResult) -> [String] {
    result.trace.compactMap { if case .tokenRequestEnded(_, _, _, _, let header?) = $0.kind { header } else { nil } }
  }

  @Test func lostResponseAfterCommitMakesTheRetryAReuse() throws {
    let server = #"{"accessTokenTTL": "30m", "faults": [{"target": "token", "effect": "lost-after-commit", "nextRequests": 1}]}"#
    let result = try run(
      oneHost(duration: "1h", server: server, processes: daemonEvery10s), strategy: "naive", "requestTimeout=5s")
    #expect(Array(outcomes(result).prefix(2)) == [.lostAfterCommit, .invalidGrant])
    #expect(result.metrics.reuseDetections == 1)
    #expect(result.metrics.familyRevocations == 1)
  }

  @Test func leewayAbsorbsTheRetryAfterALostResponse() throws {
    let server = #"""
      {"accessTokenTTL": "30m", "reuseLeeway": "30s",
       "faults": [{"target": "token", "effect": "lost-after-commit", "nextRequests": 1}]}
      """#
    let result = try run(
      oneHost(duration: "1h", server: server, processes: daemonEvery10s), strategy: "naive", "requestTimeout=5s")
    #expect(Array(outcomes(result).prefix(2)) == [.lostAfterCommit, .ok])
    #expect(result.metrics.reuseDetections == 0)
    let forgiven = events(result) { if case .tokenRequestServed(_, .issuedInLeeway, _, _) = $0 { true } else { false } }
    #expect(forgiven.count == 1)
  }

  @Test func withoutATimeoutAHangingEndpointStallsTheClientForever() throws {
    let server = #"{"accessTokenTTL": "30m", "faults": [{"target": "token", "effect": "hang", "nextRequests": 1}]}"#
    let result = try run(oneHost(duration: "6h", server: server, processes: daemonEvery10s))
    #expect(result.metrics.tokenRequests == 1)
    #expect(result.metrics.tokenRequestsByOutcome == ["noReply": 1])
    // Every cycle after the expiry waits on the one refresh that never returns.
    #expect(result.metrics.workCyclesCompleted == 179)
  }

  @Test(arguments: [("delay-seconds", "120"), ("http-date", "Thu, 01 Jan 2026 00:31:50 GMT")])
  func statusFaultsCarryRetryAfterInEitherFormat(format: String, header: String) throws {
    let server = """
      {"accessTokenTTL": "30m", "faults": [{"target": "token", "status": 503, "retryAfter": "2m",
        "retryAfterFormat": "\(format)", "nextRequests": 1}]}
      """
    let result = try run(oneHost(duration: "1h", server: server, processes: daemonEvery10s))
    #expect(outcomes(result).first == .serverError)
    #expect(retryAfterHeaders(result) == [header])
  }

  @Test func rateLimitAnswers429WithRetryAfter() throws {
    let server = #"{"rateLimit": {"perSecond": 0.01, "burst": 2, "retryAfter": "30s"}}"#
    let processes = #"[{"name": "c", "role": "cli", "arrivals": {"cron": "1m", "burst": 5}, "refreshAtStart": true}]"#
    let result = try run(oneHost(duration: "30s", server: server, processes: processes))
    #expect(outcomes(result) == [.ok, .invalidGrant, .rateLimited, .rateLimited, .rateLimited])
    #expect(retryAfterHeaders(result) == ["30", "30", "30"])
  }

  @Test func limitedCapacityQueuesThenAnswers503() throws {
    let server = #"{"capacity": {"concurrent": 1, "queue": 1, "serviceTime": "1s"}, "rotation": "static"}"#
    let processes = #"[{"name": "c", "role": "cli", "arrivals": {"cron": "1m", "burst": 4}, "refreshAtStart": true}]"#
    let result = try run(oneHost(duration: "30s", server: server, processes: processes))
    #expect(outcomes(result) == [.serverError, .serverError, .ok, .ok])
    let ends = events(result) { if case .tokenRequestEnded(_, _, .ok, _, _) = $0 { true } else { false } }
    #expect(ends.map(\.time) == [SimInstant.start + .milliseconds(1_101), SimInstant.start + .milliseconds(2_101)])
  }

  @Test func resetAndApiFaultsFailCallsWithoutTokens() throws {
    let server =
      #"{"faults": [{"target": "api", "status": 502, "from": "10m", "to": "20m"}, {"target": "token", "effect": "reset"}]}"#
    let result = try run(
      oneHost(duration: "30m", server: server, processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "1m"}}]"#))
    #expect(result.metrics.tokenRequests == 0)
    #expect(result.metrics.apiCallsFailed == 10)
    #expect(result.metrics.apiCalls == 30)
  }

  @Test func securityEventRevokesEverySession() throws {
    let server = #"{"securityEvents": [{"at": "20m", "action": "revoke-all"}]}"#
    let result = try run(
      oneHost(duration: "2h", server: server, processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "30m"}}]"#))
    // Cycles at 0 and 0:30 … the token is dead from 0:20: calls fail with 401, refreshes with 400.
    #expect(result.metrics.apiCallsFailed >= 3)
    #expect(result.metrics.familyRevocations == 0)
    #expect(outcomes(result).allSatisfy { $0 == .invalidGrant })
  }
}

import Testing

@testable import TokenSimKit

/// Each metric pinned on a small scenario where its value is known exactly.
struct MetricTests {
  static let twoDaemons = oneHost(
    duration: "2h", server: #"{"accessTokenTTL": "30m"}"#,
    processes: """
      [{"name": "a", "role": "daemon", "cycle": {"every": "10m", "apiCalls": 1}},
       {"name": "b", "role": "daemon", "startAt": "1m", "cycle": {"every": "10m", "apiCalls": 1}}]
      """)

  @Test func oneRotationThenOneReuseRevokesTheFamilyOnce() throws {
    let result = try run(Self.twoDaemons, strategy: "naive")
    #expect(result.metrics.reuseDetections == 1)
    #expect(result.metrics.familyRevocations == 1)
    #expect(result.metrics.minimalRefreshes == 2, "a refresh at 30 m, then one to learn of the revocation at 31 m")
    let check = try #require(result.analysis.checks.first { $0.id == "no-family-revocation" })
    #expect(check.verdict == .fail)
    #expect(check.evidence?.process == "h/b")
    #expect(check.evidence?.time == 1_860)
  }

  @Test func aQuietDayOfOneDaemonNeedsOneRefreshPerTokenLifetime() throws {
    let result = try run(
      oneHost(
        duration: "1d", server: #"{"accessTokenTTL": "30m"}"#,
        processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}}]"#), strategy: "naive")
    #expect(result.metrics.tokenRequests == 48)
    #expect(result.metrics.minimalRefreshes == 47, "the login token covers 0–30 m; one refresh per 30 m after")
    #expect(result.metrics.amplification == 1, "the 48th request goes out at 24:00, the run's end: not held against it")
    #expect(result.metrics.convergenceSeconds == 0)
    #expect(result.metrics.longestOutageSeconds == 0)
    #expect(result.analysis.verdict == .pass)
  }

  @Test func anAPIOutageLastsExactlyItsWindowAndConvergesOnTheNextCall() throws {
    let result = try run(
      oneHost(
        duration: "1h", server: #"{"faults": [{"target": "api", "status": 503, "from": "10m", "to": "20m"}]}"#,
        processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}}]"#), strategy: "naive")
    #expect(result.metrics.apiCallsFailed == 10)
    #expect(result.metrics.longestOutageSeconds == 600)
    #expect(result.metrics.convergenceSeconds == 0.05, "the call at 20:00 succeeds 50 ms later")
    #expect(result.metrics.minimalRefreshes == 0, "the login token lasts the whole hour")
    let availability = try #require(result.analysis.checks.first { $0.id == "availability" })
    #expect(availability.verdict == .fail)
    #expect(availability.evidence?.what == "had no API call succeed for 10 min, until 0:20:00.1")
  }

  static let revoked = oneHost(
    duration: "3h", server: #"{"accessTokenTTL": "30m", "securityEvents": [{"at": "45m", "action": "revoke-all"}]}"#,
    processes: #"[{"name": "sync", "role": "daemon", "cycle": {"every": "30m", "apiCalls": 1}}]"#)

  @Test func aClientThatAlertsIsTimedFromTheRevocation() throws {
    let result = try run(Self.revoked, strategy: "reread-from-disk")
    #expect(result.metrics.needsLoginAlerts == 1)
    #expect(result.metrics.timeToAlertSeconds == 900.102, "revoked at 45:00; the 60:00 call gets 401, the refresh is refused")
    #expect(result.metrics.tokenRequestsOnDeadCredentials == 1)
    #expect(result.analysis.checks.first { $0.id == "alerts-on-dead-credentials" }?.verdict == .pass)
    #expect(result.analysis.checks.first { $0.id == "converges" }?.verdict == .skipped)
  }

  @Test func aClientThatNeverAlertsFailsWithTheSilenceAsEvidence() throws {
    let result = try run(Self.revoked, strategy: "naive")
    #expect(result.metrics.timeToAlertSeconds == nil)
    #expect(result.metrics.tokenRequestsOnDeadCredentials == result.metrics.tokenRequests - 1)
    let check = try #require(result.analysis.checks.first { $0.id == "alerts-on-dead-credentials" })
    #expect(check.verdict == .fail)
    #expect(
      check.evidence?.what
        == "the session of h was revoked by a security event at 0:45:00 and needed at 1:00:00; no alert in the 2.0 h that followed"
    )
  }

  static let throttled = oneHost(
    duration: "2h",
    server: #"{"accessTokenTTL": "30m", "faults": [{"target": "token", "status": 429, "retryAfter": "90s", "nextRequests": 1}]}"#,
    processes: """
      [{"name": "d", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}},
       {"name": "e", "role": "daemon", "startAt": "20s", "cycle": {"every": "1m", "apiCalls": 1}}]
      """)

  @Test func retryAfterViolationsAreCountedPerProcessAndPerStore() throws {
    let naive = try run(Self.throttled, strategy: "naive")
    #expect(naive.metrics.retryAfterViolations.perProcess == 1, "d sends at 31:00, before its 31:30 deadline")
    #expect(naive.metrics.retryAfterViolations.sharedStore == 2, "e also sent before d's deadline")
    let honors = try #require(naive.analysis.checks.first { $0.id == "honors-retry-after" })
    #expect(honors.evidence?.process == "h/d")
    #expect(honors.evidence?.what == "sent a token request 30 s before the Retry-After deadline it had been given")
    let lease = try run(Self.throttled, strategy: "lease-shared")
    #expect(lease.metrics.retryAfterViolations == .init(perProcess: 0, sharedStore: 0))
  }

  @Test func aTokenRequestThatNeverEndsIsAHang() throws {
    let result = try run(
      oneHost(
        duration: "2h",
        server: #"{"accessTokenTTL": "30m", "faults": [{"target": "token", "effect": "hang", "nextRequests": 1}]}"#,
        processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}}]"#), strategy: "naive")
    #expect(result.metrics.longestTokenRequestSeconds == 5_400)
    #expect(result.metrics.tokenRequestsByOutcome == ["noReply": 1])
    #expect(result.analysis.checks.first { $0.id == "no-hang" }?.verdict == .fail)
  }

  @Test func twoDaemonsRefreshingAtOnceAreTwoConcurrentRefreshes() throws {
    let result = try run(
      oneHost(
        duration: "1h", server: #"{"accessTokenTTL": "30m", "tokenLatency": "2s"}"#,
        processes: #"[{"name": "d", "role": "daemon", "count": 2, "cycle": {"every": "1m", "apiCalls": 1}}]"#),
      strategy: "naive")
    #expect(result.metrics.peakConcurrentRefreshes == 2)
    #expect(result.metrics.peakTokenRequestsPerSecond == 2)
  }

  @Test func seed004NaiveThrashesAtTheCLICadenceAndRereadDoesNot() throws {
    let scenario = try Scenario.load(path: packageRoot.appendingPathComponent("Scenarios/shared-file-thrash.json").path)
    let naive = Simulation(scenario: scenario, strategy: try choice("naive")).run()
    #expect(naive.metrics.mostRestartsInAnHour == 145)
    #expect(naive.analysis.checks.first { $0.id == "no-thrash" }?.verdict == .fail)
    #expect(RunAccount.text(naive).contains("laptop/mount-daemon restarted its work loop 287 times, about every 25 s"))
    let reread = Simulation(scenario: scenario, strategy: try choice("reread-from-disk")).run()
    #expect(reread.metrics.mostRestartsInAnHour == 0)
    #expect(reread.analysis.checks.first { $0.id == "no-thrash" }?.verdict == .pass)
  }

  /// The analyzer counts token outcomes in an array indexed by `ordinal` and names them by
  /// `allCases`: the two must agree, or a count lands under another outcome's name.
  @Test func eachTokenOutcomesOrdinalIsItsPlaceAmongAllCases() {
    for (place, outcome) in TokenOutcome.allCases.enumerated() { #expect(outcome.ordinal == place, "\(outcome)") }
  }
}

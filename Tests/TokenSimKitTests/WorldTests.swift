import Testing

@testable import TokenSimKit

@Suite struct WorldTests {
  /// One daemon, static tokens, 30-minute access tokens, a call every 10 s, one simulated day.
  /// naive refreshes at the first call within 10 s of expiry: at 29m50s (login expiry 30m), then
  /// each reply arrives 100 ms later, so the next expiry is 100 ms past a multiple of 10 s and the
  /// refresh lands 30 min after the previous one: 1790 s + 1800 s·k ≤ 86 400 s gives k = 0…46.
  @Test func oneDaemonMakesTheArithmeticNumberOfRefreshes() throws {
    let result = try run(
      oneHost(
        duration: "1d", server: #"{"accessTokenTTL": "30m", "rotation": "static"}"#,
        processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "10s"}}]"#))
    #expect(result.metrics.tokenRequests == 48)
    #expect(result.metrics.tokenRequestsByOutcome == ["ok": 48])
    // Calls at 0 s, 10 s, …, 86 390 s end; the one due at 86 400 s is still in flight at the end.
    #expect(result.metrics.apiCalls == 8_640)
    #expect(result.metrics.availability == 1)
    let sends = events(result) { if case .tokenRequestSent = $0 { true } else { false } }.map(\.time)
    #expect(sends.first == SimInstant.start + .seconds(1_790))
    #expect(sends.last == SimInstant.start + .seconds(1_790 + 1_800 * 47))
  }

  @Test func reuseRevokesTheFamilyAndLaterRefreshesFailWithTheConfiguredStatus() throws {
    // A daemon rotates at 29m50s; a CLI started at 10 s still holds the login token in memory
    // and refreshes it at 31 m (forced): reuse, family revoked; every later refresh fails 401.
    let result = try run(
      oneHost(
        duration: "2h", server: #"{"accessTokenTTL": "30m", "errorFormat": {"style": "rfc6749", "status": 401}}"#,
        processes: """
          [{"name": "d", "role": "daemon", "cycle": {"every": "10s"}},
           {"name": "c", "role": "daemon", "startAt": "10s", "stopAt": "1h", "cycle": {"every": "31m"}, "refreshAtStart": false}]
          """))
    #expect(result.metrics.reuseDetections == 1)
    #expect(result.metrics.familyRevocations == 1)
    let ends = events(result) { if case .tokenRequestEnded = $0 { true } else { false } }
    let afterRevocation = ends.drop { if case .tokenRequestEnded(_, _, .invalidGrant, _, _) = $0.kind { false } else { true } }
    #expect(afterRevocation.count >= 2)
    for event in afterRevocation {
      guard case .tokenRequestEnded(_, _, let outcome, let status, _) = event.kind else { continue }
      #expect(outcome == .invalidGrant && status == 401)
    }
  }

  @Test func sameSeedGivesIdenticalTracesAndAnotherSeedDiffers() throws {
    let json = oneHost(
      duration: "6h", server: #"{"faults": [{"target": "both", "status": 503, "probability": 0.2}]}"#,
      processes:
        #"[{"name": "d", "role": "daemon", "cycle": {"every": "1m"}}, {"name": "c", "role": "cli", "arrivals": {"perHour": 30}}]"#
    )
    let first = try run(json, seed: 11)
    let second = try run(json, seed: 11)
    let other = try run(json, seed: 12)
    #expect(first.trace.map(TraceLine.json) == second.trace.map(TraceLine.json))
    #expect(try RunReport(first).jsonData() == RunReport(second).jsonData())
    #expect(first.trace.map(TraceLine.json) != other.trace.map(TraceLine.json))
  }

  @Test func seed004ThrashLoopRestartsAtTheCLICadence() throws {
    let result = Simulation(
      scenario: try Scenario.load(path: packageRoot.path + "/Scenarios/shared-file-thrash.json"), strategyName: "naive",
      makeStrategy: { _ in NaiveStrategy() }
    ).run()
    let restarts = events(result) { if case .workLoopRestarted = $0 { true } else { false } }.map(\.time)
    // 2 h with a CLI every 25 s from 20 s: one restart per CLI rotation.
    #expect((280...290).contains(restarts.count))
    // The daemon notices at its next 5 s cycle, so single gaps are 21 s or 26 s; on average the
    // loop runs at the CLI's 25 s period.
    let gaps = zip(restarts, restarts.dropFirst()).map { ($1 - $0).seconds }
    #expect(gaps.allSatisfy { (20...30).contains($0) })
    #expect(abs(gaps.reduce(0, +) / Double(gaps.count) - 25) < 0.5)
    #expect(result.metrics.reuseDetections == restarts.count)
    let rejected = events(result) { if case .tokenRequestEnded(1, _, .invalidGrant, 403, _) = $0 { true } else { false } }
    #expect(rejected.count == restarts.count)
  }
}

import Foundation
import Testing

@testable import TokenSimKit

/// `converges` times a worker first started after the last fault (or, without faults, after the
/// run's start) from its own start: a minute-long blip of a runner started at 3:00 is a minute,
/// not three hours since a fault it never saw.
struct LateStartConvergenceTests {
  /// A runner from 0:00 to 1:00 and again from 3:00, an envelope every 10 s, a 2-hour token: the
  /// second runner starts with the stored token expired an hour ago (seed 002's cold start).
  static let coldStart = oneHost(
    duration: "4h", server: #"{"accessTokenTTL": "2h"}"#,
    processes: """
      [{"name": "runner", "role": "daemon", "cycle": {"every": "10s"}, "stopAt": "1h"},
       {"name": "runner-again", "role": "daemon", "cycle": {"every": "10s"}, "startAt": "3h"}]
      """)

  /// Seed 002's fix before review: only a refresh loop, every 60 s, first check a tick after start.
  static let firstTick = ["refreshOnDemand=false", "proactiveWindow=5m", "schedulerTick=60s", "onApiRejected=ignore"]

  @Test func aWorkerStartedLateIsTimedFromItsStart() throws {
    let result = Simulation(scenario: try scenario(Self.coldStart), strategy: try choice("naive", Self.firstTick)).run()
    #expect(result.metrics.apiCallsFailed == 7, "3:00:00 to 3:01:00, before the loop's first check")
    let refreshed = try #require(events(result) { if case .tokenRequestSent = $0 { true } else { false } }.first)
    #expect(refreshed.time.seconds == 10_860.001, "one tick after the start at 3:00, and the store read")
    #expect(result.metrics.convergenceSeconds == 70.05, "from its start at 3:00:00 to the success at 3:01:10.05")
    let converges = try #require(result.analysis.checks.first { $0.id == "converges" })
    #expect(converges.verdict == .pass)
    #expect(
      result.analysis.findings.convergence?.what == "first had an API call succeed after its first start at 3:00:00 at 3:01:10.1")
  }

  @Test func aCheckAtStartLeavesOnlyTheFirstEnvelopeToTheOldBearer() throws {
    let reviewed = Self.firstTick + ["startupCheck=true"]
    let result = Simulation(scenario: try scenario(Self.coldStart), strategy: try choice("naive", reviewed)).run()
    #expect(result.metrics.apiCallsFailed == 1, "the check at start is on its way when the first envelope goes")
    #expect(result.metrics.convergenceSeconds == 10.05)
  }

  @Test func aWorkerFailingAtTheFaultsEndIsStillTimedFromIt() throws {
    let json = oneHost(
      duration: "2h",
      server: #"{"accessTokenTTL": "30m", "faults": [{"target": "token", "status": 502, "from": "25m", "to": "40m"}]}"#,
      processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "1m"}}]"#)
    let result = try run(json, strategy: "naive")
    let convergence = try #require(result.metrics.convergenceSeconds)
    #expect(convergence < 60, "the daemon, started at 0:00, works again within a cycle of the window's end at 0:40")
    #expect(result.analysis.findings.convergence?.what.contains("after 0:40:00") == true)
  }
}

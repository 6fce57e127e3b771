import Foundation
import Testing

@testable import TokenSimKit

/// What lets a month of a fleet run in seconds and constant memory: host copies, a trace that is
/// measured as it happens, and processes forgotten once they end.
@Suite struct ScaleTests {
  let fleetHost = #"""
    "processes": [{"name": "agent", "role": "daemon", "cycle": {"every": "1m"}},
                  {"name": "cli", "role": "cli", "arrivals": {"every": "7m"}}]
    """#

  func fleet(copies: Int) -> String {
    """
    {"name": "f", "description": "fleet", "duration": "6h", "server": {"accessTokenTTL": "1h", "rotation": "rotate"},
     "hosts": [{"name": "web", "copies": \(copies), \(fleetHost)}]}
    """
  }

  @Test func copiesExpandIntoNumberedHostsThatSortInOrder() throws {
    let parsed = try scenario(fleet(copies: 12))
    #expect(parsed.hosts.map(\.name) == (1...12).map { String(format: "web-%02d", $0) })
    #expect(parsed.hosts.allSatisfy { $0.copies == 1 && $0.processes.count == 2 })
  }

  @Test func copiesRunExactlyLikeHostsWrittenOut() throws {
    let written = (1...3).map { #"{"name": "web-\#($0)", \#(fleetHost)}"# }.joined(separator: ",")
    let spelled = """
      {"name": "f", "description": "fleet", "duration": "6h", "server": {"accessTokenTTL": "1h", "rotation": "rotate"},
       "hosts": [\(written)]}
      """
    let copied = try run(fleet(copies: 3), strategy: "lease-shared")
    let explicit = try run(spelled, strategy: "lease-shared")
    #expect(copied.trace.map(TraceLine.json) == explicit.trace.map(TraceLine.json))
    #expect(copied.metrics.tokenRequests == 18)
  }

  @Test func aCopyMayNotTakeAnotherHostsName() throws {
    let json = """
      {"name": "f", "description": "fleet", "duration": "1h",
       "hosts": [{"name": "web-2", "processes": []}, {"name": "web", "copies": 2, "processes": []}]}
      """
    let error = try #require(throws: ScenarioError.self) { try scenario(json) }
    #expect(error.path == "$.hosts[1]")
    #expect(error.expected.contains("\"web-2\""))
  }

  @Test func copiesOutsideTheirRangeAreRefused() throws {
    let error = try #require(throws: ScenarioError.self) { try scenario(fleet(copies: 10_001)) }
    #expect(error.path == "$.hosts[0].copies")
  }

  @Test func aDiscardedOrStreamedTraceMeasuresTheSameAsAKeptOne() throws {
    let parsed = try scenario(fleet(copies: 4))
    let simulation = Simulation(scenario: parsed, strategy: try choice("naive"))
    let kept = simulation.run()
    var streamed: [String] = []
    let streaming = simulation.run(trace: .stream { streamed.append(TraceLine.json($0)) })
    let discarded = simulation.run(trace: .discard)
    #expect(discarded.trace.isEmpty && streaming.trace.isEmpty)
    #expect(streamed == kept.trace.map(TraceLine.json))
    let reports = try [kept, streaming, discarded].map { try RunReport($0).jsonData() }
    #expect(reports[0] == reports[1] && reports[1] == reports[2])
  }

  @Test func endedProcessesAreForgottenSoMemoryFollowsLiveOnes() throws {
    let json = oneHost(
      duration: "1d", server: #"{"accessTokenTTL": "1h", "rotation": "rotate"}"#,
      processes: #"[{"name": "cli", "role": "cli", "arrivals": {"every": "10s"}}]"#)
    let world = World(scenario: try scenario(json), seed: 1, retention: .discard) { _ in NaiveStrategy() }
    world.run()
    #expect(world.processes.count == 8_641, "one at 0, one every 10 s, one at the very end")
    #expect(world.processes.pagesKept == 1, "only the page still being filled is kept")
    #expect(world.analysis(settings: CheckSettings()).metrics.apiCalls == 8_640)
  }

  /// A daemon that runs all along keeps the first page of processes; the 120 invocations that
  /// share it and exit leave a blank each (no name, no strategy of their own), not their state.
  @Test func anEndedProcessLeavesABlankAtOnceEvenWhereItsPageIsKept() throws {
    let json = oneHost(
      duration: "2m", server: #"{"accessTokenTTL": "1h"}"#,
      processes: #"""
        [{"name": "worker", "role": "daemon", "cycle": {"every": "1m"}},
         {"name": "cli", "role": "cli", "arrivals": {"every": "1s"}}]
        """#)
    let world = World(scenario: try scenario(json), seed: 1, retention: .discard) { _ in NaiveStrategy() }
    world.run()
    #expect(world.processes.pagesKept == 1 && world.processes.count == 122)
    let blanks = (1...world.processes.count).filter { world.processes[$0].incarnation == -1 }
    let kept = (1...world.processes.count).filter { world.processes[$0].strategy.holdsStrategy }
    #expect(blanks.count == 120 && kept == [1, 122], "all but the daemon and the invocation at the very end")
  }

  /// CLI invocations every 100 ms, each waiting 10 s for its refresh, that crash within moments
  /// (about 0.4 s) and are never restarted: the
  /// analyzer forgets each crashed one, as it does an exited one, instead of keeping it in case
  /// it starts again (the backlog workload's memory grew by about 140 bytes per invocation).
  @Test func crashedInvocationsThatNeverReturnAreForgotten() throws {
    let json = oneHost(
      duration: "30m", server: #"{"accessTokenTTL": "1h", "tokenLatency": "10s"}"#,
      processes: """
        [{"name": "cli", "role": "cli", "arrivals": {"every": "100ms"}, "refreshAtStart": true,
          "crash": {"perHour": 10000}}]
        """)
    let world = World(scenario: try scenario(json), seed: 1, retention: .keep) { _ in NaiveStrategy() }
    world.run()
    #expect(world.processes.count == 18_001, "0:00 to 30:00 inclusive")
    let crashed = world.trace.count { if case .processCrashed = $0.kind { true } else { false } }
    #expect(crashed > 17_000, "nearly every invocation crashes while it waits")
    #expect(world.analyzer.processPagesKept <= 1, "of 18 pages of invocations")
  }

  @Test func theAccessTokenLogDropsExpiredTokensAndStillAnswersForEveryOther() {
    var log = AccessTokenLog()
    let ttl = SimDuration.minutes(10)
    for minute in 0..<5_000 {
      let now = SimInstant.start + .minutes(Int64(minute))
      #expect(log.mint(family: 1 + minute % 3, expiresAt: now + ttl, now: now) == minute + 1)
    }
    #expect(log.count == 5_000)
    #expect(log.record(4_980) == nil, "expired 10 minutes after it was minted, and dropped")
    #expect(log.record(4_990) == nil, "expired just now")
    #expect(log.record(4_991)?.family == 1 + 4_990 % 3)
    #expect(log.record(5_001) == nil)
    log.revoke(5_000)
    log.revoke(1)
    #expect(log.record(5_000)?.revoked == true)
    #expect(log.record(4_999)?.revoked == false)
  }
}

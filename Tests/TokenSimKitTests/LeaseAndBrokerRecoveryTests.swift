import Testing

@testable import TokenSimKit

/// Recovery of the coordinated strategies from a crashed lease holder, a stale lock file and a
/// crashed broker.
@Suite struct LeaseAndBrokerRecoveryTests {
  func lockEvents(_ result: RunResult, process: Int, _ what: LockChange) -> [SimInstant] {
    result.trace.compactMap { if case .lock(process, _, what) = $0.kind { $0.time } else { nil } }
  }

  func denied(_ result: RunResult) -> Int {
    result.trace.count { if case .callDenied = $0.kind { true } else { false } }
  }

  func crashes(_ result: RunResult) -> [SimInstant] {
    result.trace.compactMap { if case .processCrashed = $0.kind { $0.time } else { nil } }
  }

  /// A holder that starts first and crashes at `moment` once its refresh begins, and another
  /// daemon 5 s behind it. The 2-minute leeway lets the taker's request with the same token pass.
  func crashedHolder(moment: String, lock: String) -> String {
    let processes = """
      [{"name": "holder", "role": "daemon", "cycle": {"every": "10s"}, "crash": {"at": "25m", "during": "\(moment)"}},
       {"name": "other", "role": "daemon", "cycle": {"every": "10s"}, "startAt": "5s"}]
      """
    return oneHost(
      duration: "40m", server: #"{"accessTokenTTL": "30m", "reuseLeeway": "2m"}"#, processes: processes,
      host: #""lock": \#(lock)"#)
  }

  @Test func aCrashedHoldersLeaseLapsesAndAnotherProcessTakesOver() throws {
    let result = try run(crashedHolder(moment: "mid-refresh", lock: #"{"kind": "flock"}"#), strategy: "lease-shared")
    let requests = sent(result)
    #expect(requests.map(\.process) == [1, 2])
    let crash = try #require(crashes(result).first)
    #expect(crash == requests[0].time, "the holder dies with its request out")
    // The lease (60 s) lapses; the other process, polling every second, claims it within a second.
    let takeover = requests[1].time - requests[0].time
    #expect(takeover >= .seconds(60) && takeover <= .seconds(61) + .milliseconds(50))
    #expect(result.metrics.familyRevocations == 0)
    #expect(result.metrics.apiCallsFailed == 0, "the other process kept its valid token meanwhile")
  }

  @Test func flockIsFreedWhenItsHolderDies() throws {
    let result = try run(crashedHolder(moment: "holding-lock", lock: #"{"kind": "flock"}"#), strategy: "lease-shared")
    let crash = try #require(crashes(result).first)
    #expect(lockEvents(result, process: 2, .unavailable).isEmpty)
    let granted = try #require(lockEvents(result, process: 2, .acquired).first { $0 > crash })
    #expect(granted - crash < .seconds(10), "at the other daemon's next cycle")
    #expect(sent(result).map(\.process) == [2])
    #expect(result.metrics.familyRevocations == 0)
  }

  @Test func aLockFileLeftByACrashedHolderIsBrokenOnlyWhenStale() throws {
    let lock = #"{"kind": "lock-file", "staleAfter": "30s"}"#
    let result = try run(crashedHolder(moment: "holding-lock", lock: lock), strategy: "lease-shared")
    let crash = try #require(crashes(result).first)
    let acquired = lockEvents(result, process: 1, .acquired).last!
    // A crash planned for "holding-lock" happens the moment the lock is taken.
    #expect(crash == acquired)
    // The other daemon waits 5 s for the lock at each try and is refused until the file is stale.
    #expect(lockEvents(result, process: 2, .unavailable).count == 4)
    let granted = try #require(lockEvents(result, process: 2, .acquired).first { $0 > crash })
    #expect(granted == acquired + .seconds(30))
    #expect(sent(result).map(\.process) == [2])
    #expect(result.metrics.familyRevocations == 0)
  }

  @Test(arguments: ["wait", "read-store"])
  func clientsRecoverFromABrokerCrashWithoutARevocation(fallback: String) throws {
    let processes = #"""
      [{"name": "broker", "role": "broker", "crash": {"at": "50m"}, "restartAfter": "20s"},
       {"name": "sync", "role": "daemon", "count": 2, "cycle": {"every": "10s"}},
       {"name": "cli", "role": "cli", "arrivals": {"every": "1m"}, "startAt": "3s"}]
      """#
    let json = oneHost(duration: "3h", server: #"{"accessTokenTTL": "1h"}"#, processes: processes)
    let result = try run(json, strategy: "broker", "brokerFallback=\(fallback)")
    #expect(crashes(result) == [t(50)])
    #expect(result.metrics.familyRevocations == 0)
    #expect(result.metrics.reuseDetections == 0)
    // The broker refreshes once per hour less its 5-minute window: at 55 m, 1 h 50 m, 2 h 45 m.
    #expect(sent(result).map(\.process) == [1, 1, 1])
    #expect(result.metrics.apiCallsFailed == 0, "cached tokens outlive the 20 s outage")
    let restarted = result.trace.filter { if case .processStarted(1, _, _, _) = $0.kind { true } else { false } }
    #expect(restarted.map(\.time) == [t(0), t(50, 20)])
  }

  @Test func withoutAnAnswerFailFallbackFailsCallsAndWaitHoldsThem() throws {
    let processes = #"""
      [{"name": "broker", "role": "broker", "crash": {"at": "10m"}, "restartAfter": "10m"},
       {"name": "cli", "role": "cli", "arrivals": {"every": "1m"}, "startAt": "3s"}]
      """#
    let json = oneHost(duration: "30m", server: #"{"accessTokenTTL": "1h"}"#, processes: processes)
    let failing = try run(json, strategy: "broker", "brokerFallback=fail")
    #expect(denied(failing) == 10, "each CLI from 10 m to 19 m fails after three 5 s attempts")
    let waiting = try run(json, strategy: "broker", "brokerFallback=wait")
    #expect(denied(waiting) == 0, "calls wait for the broker's return")
    #expect(waiting.metrics.apiCallsFailed == 0)
  }
}

import Testing

@testable import TokenSimKit

/// Issue 15, item 8: when a client that leaves refreshing to its timer starts active recovery
/// (seed 000: after its retries are exhausted, not at the first 401), and a refresh loop whose
/// first check comes one tick after start (seed 002: 60 s).
@Suite struct RecoveryTimingTests {
  /// Seed 000's client, smallest: the scheduler's first arming fails, so the 10-minute token
  /// expires at 10 min unrefreshed; a message at 15 min is tried 6 times (5, 10, 20, 40 and 80 s
  /// apart) with the expired token, which the client keeps presenting.
  let seed000 = oneHost(
    duration: "1h", server: #"{"accessTokenTTL": "10m"}"#,
    processes: """
      [{"name": "assistant", "role": "daemon", "schedulerFailure": {"probability": 1, "count": 1},
        "workItems": {"every": "15m", "maxAttempts": 6, "retryDelay": "5s"}}]
      """)
  let seed000Client = [
    "refreshOnDemand=false", "proactiveWindow=5m", "onApiRejected=ignore", "recoveryInterval=30m",
  ]

  func firstRefresh(_ result: RunResult) -> SimInstant? { sent(result).first?.time }

  func run(_ json: String, naive parameters: [String]) throws -> RunResult {
    Simulation(scenario: try scenario(json), strategy: try choice("naive", parameters)).run()
  }

  @Test func activeRecoveryStartsWhenTheRetriesAreExhaustedNotAtTheFirst401() throws {
    let exhausted = try run(seed000, naive: seed000Client + ["recoveryAfterRejections=6"])
    let first401 = try run(seed000, naive: seed000Client + ["recoveryAfterRejections=1"])
    // The first 401 arrives at 15:00.05 (50 ms API latency); the sixth at 17:35.30.
    #expect(firstRefresh(first401) == .start + .minutes(45) + .milliseconds(50))
    #expect(firstRefresh(exhausted) == .start + .minutes(47) + .seconds(35) + .milliseconds(300))
    let defaults = try run(seed000, naive: seed000Client)
    #expect(firstRefresh(defaults) == firstRefresh(exhausted))
  }

  /// Seed 002's refresher, smallest: a daemon starts at 11 min with a 10-minute token that expired
  /// at 10 min, and calls every 10 s; only its scheduler refreshes (5 min before expiry).
  let lateStart = oneHost(
    duration: "15m", server: #"{"accessTokenTTL": "10m"}"#,
    processes: #"[{"name": "runner", "role": "daemon", "startAt": "11m", "cycle": {"every": "10s"}}]"#)
  let schedulerOnly = ["refreshOnDemand=false", "proactiveWindow=5m", "onApiRejected=ignore"]

  @Test func aSchedulerLoopChecksFirstOneTickAfterStart() throws {
    let loop = try run(lateStart, naive: schedulerOnly + ["schedulerTick=60s"])
    let timer = try run(lateStart, naive: schedulerOnly)
    // The store is read in 1 ms at start; the loop checks at 12:00.001, the timer at 11:01.001.
    #expect(firstRefresh(loop) == .start + .minutes(12) + .milliseconds(1))
    #expect(firstRefresh(timer) == .start + .minutes(11) + .seconds(1) + .milliseconds(1))
    // Cycles at 11:00 … 12:00 fail with the expired token before the loop's first check is answered.
    #expect(loop.metrics.workCyclesFailed == 7)
    #expect(timer.metrics.workCyclesFailed == 1)
  }

  @Test func aSchedulerLoopKeepsCheckingAfterARefresh() throws {
    let loop = try run(lateStart, naive: schedulerOnly + ["schedulerTick=60s"])
    // The token got at 12:00.101 enters its 5-minute window at 17:00.101: the check at 17:00.001
    // is just before, the one at 18:00.001 refreshes.
    let long = lateStart.replacingOccurrences(of: #""duration": "15m""#, with: #""duration": "20m""#)
    let longer = try run(long, naive: schedulerOnly + ["schedulerTick=60s"])
    let tick = SimDuration.milliseconds(1)
    #expect(sent(loop).map(\.time) == [.start + .minutes(12) + tick])
    let expected: [SimInstant] = [.start + .minutes(12) + tick, .start + .minutes(18) + tick]
    #expect(sent(longer).map(\.time) == expected)
  }
}

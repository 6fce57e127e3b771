import Testing

@testable import TokenSimKit

/// Issue 15, item 1: a worker that wants to work and waits for a token is out, not available.
struct StalledWorkerTests {
  /// The issue's example: a daemon and a cron CLI, the token endpoint answering 502 from 0:55 to
  /// 3:00 of a 6 h run, with 1 h tokens; the token expires at 1:00 while the endpoint is down.
  static let endpointDownPastExpiry = oneHost(
    duration: "6h",
    server: #"{"accessTokenTTL": "1h", "faults": [{"target": "token", "status": 502, "from": "55m", "to": "3h"}]}"#,
    processes: """
      [{"name": "d", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}},
       {"name": "cli", "role": "cli", "arrivals": {"cron": "1m"}, "apiCalls": 1}]
      """)

  @Test func aWorkerWaitingForATokenThroughAnEndpointOutageIsOut() throws {
    let result = try run(Self.endpointDownPastExpiry, strategy: "lease-shared")
    #expect(result.metrics.apiCallsFailed == 0, "every call waited for the token and then succeeded")
    #expect(result.metrics.availability == 1, "by calls alone the run looks perfect")
    #expect(result.metrics.workCyclesCompleted == 240, "120 of the 360 minutes had no cycle")
    #expect(result.metrics.longestOutageSeconds == 7_206.97629, "from the expiry at 1:00 until the first call after 3:00")
    #expect(result.metrics.stalledSeconds == 14_413.05058, "the daemon and the CLI, each about 2 h")
    #expect(result.metrics.timeAvailability == 1 - 14_413.05058 / 43_200)
    let check = try #require(result.analysis.checks.first { $0.id == "availability" })
    #expect(check.verdict == .fail)
    #expect(check.observed == result.metrics.timeAvailability)
    #expect(check.evidence?.process == "h/cli", "its invocations waited longest")
    let daemon = try #require(result.analysis.timeline.lanes.first { $0.name == "h/d" })
    #expect(
      daemon.states == String(repeating: "o", count: 12) + String(repeating: "w", count: 24) + String(repeating: "o", count: 36))
  }

  @Test func brokerClientsWaitingForTheirBrokerAreOut() throws {
    let result = try run(Self.endpointDownPastExpiry, strategy: "broker")
    #expect(result.metrics.availability == 1)
    #expect(result.metrics.longestOutageSeconds == 7_216.151)
    #expect(result.analysis.checks.first { $0.id == "availability" }?.verdict == .fail)
  }

  func at(_ milliseconds: Int64, _ kind: TraceKind) -> TraceEvent {
    TraceEvent(time: .init(microseconds: milliseconds * 1_000), kind: kind)
  }

  /// A daemon that waits for a token from 60 s and has a call succeed `waited` ms later.
  func waitThenSucceed(after waited: Int64) -> RunAnalysis {
    let trace = [
      at(0, .processStarted(process: 1, name: "h/d", role: .daemon, host: "h")),
      at(60_000, .callWaiting(process: 1)),
      at(60_000 + waited, .apiCallEnded(process: 1, ok: true, status: 200)),
      at(600_000, .runEnded(reason: .endOfTime)),
    ]
    return RunAnalysis(trace: trace, duration: .minutes(10), settings: CheckSettings())
  }

  @Test func aWaitShorterThanTheGraceIsLatency() {
    let result = waitThenSucceed(after: 4_999)
    #expect(result.metrics.longestOutageSeconds == 0)
    #expect(result.metrics.stalledSeconds == 0)
    #expect(result.metrics.timeAvailability == 1)
  }

  @Test func aWaitOfTheGraceOrLongerIsAnOutageFromItsStart() {
    let result = waitThenSucceed(after: 60_000)
    #expect(result.metrics.longestOutageSeconds == 60)
    #expect(result.metrics.stalledSeconds == 60)
    #expect(result.metrics.timeAvailability == 0.9, "60 s of the daemon's 600 s")
  }

  @Test func aWaitThatEndsInAFailureCountsFromTheWaitsStart() {
    let trace = [
      at(0, .processStarted(process: 1, name: "h/d", role: .daemon, host: "h")),
      at(60_000, .callWaiting(process: 1)),
      at(61_000, .callDenied(process: 1)),
      at(120_000, .apiCallEnded(process: 1, ok: true, status: 200)),
      at(600_000, .runEnded(reason: .endOfTime)),
    ]
    let result = RunAnalysis(trace: trace, duration: .minutes(10), settings: CheckSettings())
    #expect(result.metrics.longestOutageSeconds == 60)
  }

  @Test func aWaitStillOpenAtTheEndIsAnOpenOutage() {
    let trace = [
      at(0, .processStarted(process: 1, name: "h/d", role: .daemon, host: "h")),
      at(300_000, .callWaiting(process: 1)),
      at(600_000, .runEnded(reason: .endOfTime)),
    ]
    let result = RunAnalysis(trace: trace, duration: .minutes(10), settings: CheckSettings())
    #expect(result.metrics.openOutageSeconds == 300)
    #expect(result.metrics.convergenceSeconds == nil)
    #expect(result.checks.first { $0.id == "converges" }?.verdict == .unknown, "less than 900 s to decide in")
  }
}

/// Issue 15, item 10: a cron job that died for good has an open outage at the end, whether or not
/// one of its invocations happens to be alive at the last instant.
struct DeadCronJobTests {
  /// A cron CLI every 30 min whose refresh token dies at 1 h (absolute lifetime): every
  /// invocation after 1 h fails and exits at once.
  static func cronJob(startAt: String) -> String {
    oneHost(
      duration: "4h", server: #"{"accessTokenTTL": "30m", "refreshTokenTTL": "1h", "rotatedKeepsOriginalExpiry": true}"#,
      processes: """
        [{"name": "sync", "role": "cli", "startAt": "\(startAt)", "arrivals": {"cron": "30m"}, "apiCalls": 1}]
        """)
  }

  @Test func aCronJobThatDiedForGoodFailsConvergesWhereverItsScheduleFalls() throws {
    for startAt in ["0s", "1m"] {
      let result = try run(Self.cronJob(startAt: startAt), strategy: "lease-shared")
      #expect(result.metrics.processFailures == 6, "1:00 to 3:30, every invocation fails")
      let converges = try #require(result.analysis.checks.first { $0.id == "converges" })
      #expect(converges.verdict == .fail, "start at \(startAt)")
      #expect(result.metrics.openOutageSeconds == 10_800, "start at \(startAt): out from the wait at 1:00 to 4:00")
      #expect(converges.evidence?.process == "h/sync")
    }
  }
}

/// Issue 15, item 2 (the metric): the work done against the work the workloads demanded.
struct GoodputTests {
  @Test func cyclesSkippedWhileTheDaemonWaitsAreWorkNotDone() throws {
    let result = try run(StalledWorkerTests.endpointDownPastExpiry, strategy: "lease-shared")
    #expect(result.metrics.workCyclesCompleted == 240)
    #expect(result.metrics.workCyclesSkipped == 120, "due every minute from 1:00 to 3:00 while the first one waited")
    #expect(result.metrics.cliInvocationsCompleted == 360 && result.metrics.cliInvocations == 360)
    #expect(result.metrics.goodput == 600.0 / 720.0)
    let check = try #require(result.analysis.checks.first { $0.id == "goodput" })
    #expect(check.verdict == .fail)
    #expect(check.evidence?.what == "completed 240 of 360 cycles due, 0 of 0 work items, 360 of 360 CLI invocations")
  }

  @Test func seed004sLostCyclesFailGoodputUnlessTheRejectedCallIsRetried() throws {
    let scenario = try Scenario.load(path: packageRoot.appendingPathComponent("Scenarios/shared-file-thrash.json").path)
    let lockOnWrite = Simulation(scenario: scenario, strategy: try choice("lock-on-write")).run()
    #expect(lockOnWrite.metrics.workCyclesFailed == 288, "one per CLI rotation: the daemon's access token was invalidated")
    #expect(lockOnWrite.metrics.goodput == Double(1_152 + 288) / Double(1_440 + 288))
    #expect(lockOnWrite.analysis.checks.first { $0.id == "goodput" }?.verdict == .fail)
    let leaseShared = Simulation(scenario: scenario, strategy: try choice("lease-shared")).run()
    #expect(leaseShared.metrics.workCyclesFailed == 0, "retryRejectedCall: the 401'd call is sent again with a fresh token")
    #expect(leaseShared.metrics.goodput == 1)
  }

  @Test func aRevokedSessionSkipsGoodputAsItSkipsConverges() throws {
    let result = try run(MetricTests.revoked, strategy: "reread-from-disk")
    #expect(result.metrics.goodput < 0.95)
    #expect(result.analysis.checks.first { $0.id == "goodput" }?.verdict == .skipped)
  }
}

/// Issue 15, item 11: time to alert counts from the moment a session became unusable, whether
/// revoked or expired, and the check judges the client from its first chance to notice.
struct TimeToAlertTests {
  @Test func aRevokedSessionIsJudgedFromItsFirstNeedAfterTheRevocation() throws {
    let result = try run(MetricTests.revoked, strategy: "reread-from-disk")
    #expect(result.metrics.timeToAlertSeconds == 900.102, "revoked at 45:00, alerted at 60:00.102")
    #expect(
      result.metrics.alertDelaySeconds == 0.102, "first needed at 60:00 (the call waits for a refresh), alerted 102 ms later")
    #expect(result.metrics.tokenRequestsOnDeadCredentials == 1, "the request that learned of it")
    let check = try #require(result.analysis.checks.first { $0.id == "alerts-on-dead-credentials" })
    #expect(check.verdict == .pass && check.observed == 0.102)
  }

  /// A refresh token that lives 45 minutes from the login (kept across rotations), access tokens
  /// of 20 minutes, and `processes` on one host for two hours.
  static func expiringAt45m(_ processes: String) -> String {
    oneHost(
      duration: "2h",
      server: #"{"accessTokenTTL": "20m", "refreshTokenTTL": "45m", "rotatedKeepsOriginalExpiry": true}"#,
      processes: processes)
  }

  /// A cron job every 30 minutes: nothing runs when the session expires at 0:45.
  static let expiresWhileIdle = expiringAt45m(
    #"[{"name": "sync", "role": "cli", "arrivals": {"cron": "30m"}, "apiCalls": 1}]"#)

  /// A daemon calling every minute: it is at work when the session expires at 0:45.
  static let expiresWhileBusy = expiringAt45m(
    #"[{"name": "sync", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}}]"#)

  @Test func aSessionThatExpiresWhileTheHostIsIdleIsDeadFromItsExpiryAndJudgedFromTheNextNeed() throws {
    let result = try run(Self.expiresWhileIdle, strategy: "lease-shared")
    let first = try #require(result.analysis.findings.deadSessions.first)
    #expect(first.since == .start + .minutes(45), "the expiry the trace carries, not the 1:00 refusal that showed it")
    #expect(first.cause == "expired (its refresh token's absolute lifetime ended)")
    #expect(first.firstNeed == .start + .hours(1), "the 1:00 invocation's call waits for a refresh")
    #expect(result.metrics.timeToAlertSeconds == 900.107, "expired at 45:00, alerted at 1:00:00.107")
    #expect(result.metrics.alertDelaySeconds == 0.107, "the refusal comes back 107 ms after the first need")
    #expect(result.metrics.tokenRequestsOnDeadCredentials == 2, "the 1:00 and 1:30 invocations' refused requests")
    #expect(result.analysis.checks.first { $0.id == "alerts-on-dead-credentials" }?.observed == 0.107)
  }

  @Test func aSessionThatExpiresWhileTheClientIsBusyIsDeadFromItsExpiryAndAnAlertBeforeAnyNeedIsOnTime() throws {
    let result = try run(Self.expiresWhileBusy, strategy: "lease-shared")
    let first = try #require(result.analysis.findings.deadSessions.first)
    #expect(first.since == .start + .minutes(45))
    #expect(
      first.firstNeed == .start + .minutes(48),
      "its calls succeed until the 47:00 refusal, and the 48:00 call is denied: the first failed need")
    #expect(result.metrics.timeToAlertSeconds == 120.106, "the 47:00 proactive refresh is refused and alerts at 47:00.106")
    #expect(result.metrics.alertDelaySeconds == 0, "the alert came before the first need")
    #expect(result.metrics.tokenRequestsOnDeadCredentials == 1)
  }

  /// A static refresh token with a 30-minute idle lifetime, used by a cron job every `every`.
  static func idleLifetime(cronEvery every: String) -> String {
    oneHost(
      duration: "2h", server: #"{"accessTokenTTL": "10m", "rotation": "static", "refreshTokenIdleTTL": "30m"}"#,
      processes: #"[{"name": "sync", "role": "cli", "arrivals": {"cron": "\#(every)"}, "apiCalls": 1}]"#)
  }

  @Test func anIdleLifetimeSlidesWithEachUseAndTheSessionLapsesWhenUnused() throws {
    let used = try run(Self.idleLifetime(cronEvery: "20m"), strategy: "lease-shared")
    #expect(used.analysis.findings.deadSessions.isEmpty, "each refresh every 20 min pushes the deadline 30 min on")
    #expect(used.metrics.timeToAlertSeconds == nil)
    let unused = try run(Self.idleLifetime(cronEvery: "40m"), strategy: "lease-shared")
    let dead = try #require(unused.analysis.findings.deadSessions.first)
    #expect(dead.since == .start + .minutes(30), "unused since the login")
    #expect(dead.cause == "expired (its refresh token's idle lifetime ended)")
    #expect(unused.metrics.timeToAlertSeconds == 600.107, "the 40:00 invocation's refusal alerts at 40:00.107")
    #expect(unused.metrics.alertDelaySeconds == 0.107)
    #expect(unused.metrics.tokenRequestsOnDeadCredentials == 2)
  }

  @Test func aClientThatAlertsAtItsFirstChancePassesInBothCasesAtAShortThreshold() throws {
    var settings = CheckSettings()
    settings["alerts-on-dead-credentials"] = .threshold(60)
    for (json, strategy) in [
      (MetricTests.revoked, "reread-from-disk"), (Self.expiresWhileIdle, "lease-shared"),
      (Self.expiresWhileBusy, "lease-shared"),
    ] {
      let result = try run(json, strategy: strategy)
      let judged = CheckCatalog.judge(result.metrics, result.analysis.findings, settings: settings)
      #expect(judged.first { $0.id == "alerts-on-dead-credentials" }?.verdict == .pass, "\(strategy)")
    }
  }
}

/// Issue 15, item 12: the perfect client of bounded-amplification does what the workload demands,
/// and a request at the run's very end is not held against a client.
struct PerfectClientTests {
  @Test func cliRefreshesAtStartByDesignAreNeededRefreshes() throws {
    let scenario = try Scenario.load(path: packageRoot.appendingPathComponent("Scenarios/shared-file-thrash.json").path)
    let lockOnWrite = Simulation(scenario: scenario, strategy: try choice("lock-on-write")).run()
    #expect(lockOnWrite.metrics.minimalRefreshes == 288, "one per CLI invocation, every 25 s for 2 h")
    #expect(lockOnWrite.metrics.amplification == 1)
    #expect(lockOnWrite.analysis.checks.first { $0.id == "bounded-amplification" }?.verdict == .pass, "at the default 4×")
    let reread = Simulation(scenario: scenario, strategy: try choice("reread-from-disk")).run()
    #expect(reread.metrics.amplification == 2, "its retried 401 rereads the old pair and wastes one request per CLI")
  }

  @Test func aRequestSentAtTheRunsEndIsNotCounted() throws {
    let result = try run(
      oneHost(
        duration: "1h", server: #"{"accessTokenTTL": "30m"}"#,
        processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "30m", "apiCalls": 1}}]"#), strategy: "naive")
    #expect(result.metrics.tokenRequests == 2, "at 30:00 and at 60:00, the end")
    #expect(result.metrics.minimalRefreshes == 1)
    #expect(result.metrics.amplification == 1)
  }
}

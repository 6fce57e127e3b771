import Foundation
import Testing

@testable import TokenSimKit

/// Issue 15, item 13: bounded-amplification's perfect client does what a correct client must
/// during a token-endpoint fault. A need for a token inside a window that makes token requests
/// fail costs a request every 30 s (or every Retry-After) until the window closes, then the one
/// that succeeds; a window that opens after seed 003's proactive moment (5 minutes before the
/// expiry) costs nothing, since a correct client refreshed then.
@Suite struct FaultRetryAllowanceTests {
  /// The perfect count of one daemon on host `h` with 1-hour tokens over 2 hours, with `rule`'s
  /// window from `from` to `to` (minutes; `to` nil: still open at the end).
  func perfect(_ rule: FaultRule, from: Int64 = 52, to: Int64? = 67) -> Int {
    var trace = [
      at(0, .login(host: "h", family: 1, accessTokenTTL: .hours(1), refreshExpiry: nil)),
      at(0, .processStarted(process: 1, name: "h/d", role: .daemon, host: "h")),
      at(from * 60, .faultWindow(rule: 0, fault: rule, open: true)),
    ]
    if let to { trace.append(at(to * 60, .faultWindow(rule: 0, fault: rule, open: false))) }
    trace.append(at(7_200, .runEnded(reason: .endOfTime)))
    return RunAnalysis(trace: trace, duration: .hours(2), settings: CheckSettings()).metrics.minimalRefreshes
  }

  func status(_ code: Int, retryAfter: SimDuration? = nil, target: FaultTarget = .token) -> FaultRule {
    FaultRule(target: target, effect: .status(code, retryAfter: retryAfter.map { .init(delay: $0, format: .delaySeconds) }))
  }

  @Test func aNeedInsideA502WindowRetriesEvery30SecondsUntilItCloses() {
    // 52-67 min: the proactive moment (55 min) already fails, so the need at 60 min retries at
    // 60:00, 60:30 ... 66:30 (14 failures) and succeeds at 67:00; that token outlasts the run.
    #expect(perfect(status(502)) == 15)
  }

  @Test func aRetryAfterSetsTheRetryInterval() {
    // 60, 62, 64, 66 min fail; 67 min succeeds.
    #expect(perfect(status(503, retryAfter: .minutes(2))) == 5)
  }

  @Test func latencyOrAnAPIOnlyFaultGivesNoAllowance() {
    #expect(perfect(FaultRule(target: .token, effect: .latency(.fixed(.seconds(2))))) == 1)
    #expect(perfect(status(502, target: .api)) == 1)
    #expect(perfect(status(502, target: .both)) == 15)
  }

  @Test func aWindowOpeningAfterTheProactiveMomentCostsNoRetries() {
    // 58-73 min: a correct client refreshed at 55 min, before it; that token expires at 1:55.
    #expect(perfect(status(502), from: 58, to: 73) == 2)
  }

  @Test func aWindowStillOpenAtTheEndRetriesUntilTheEnd() {
    // 60:00 ... 119:30: 120 failures, no success.
    #expect(perfect(status(502), to: nil) == 120)
  }

  @Test func nextRequestsAndProbabilityCapTheFailuresOfOneNeed() {
    var first3 = status(502)
    first3.nextRequests = 3
    #expect(perfect(first3) == 4, "3 failures from 60 min, then one that succeeds at 61:30")
    var half = status(502)
    half.probability = 0.5
    #expect(perfect(half) == 2, "p / (1 - p) = 1 expected failure, then a success")
  }

  /// A daemon working every minute and a CLI every 5 minutes; the token endpoint answers 502
  /// for 15 minutes across the first expiry, from before the proactive moment.
  static let fifteenMinuteOutage = oneHost(
    duration: "2h",
    server: #"{"accessTokenTTL": "1h", "faults": [{"target": "token", "status": 502, "from": "52m", "to": "1h7m"}]}"#,
    processes: #"""
      [{"name": "agent", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}},
       {"name": "cli", "role": "cli", "arrivals": {"cron": "5m"}, "apiCalls": 1}]
      """#)

  func amplification(_ result: RunResult) -> CheckVerdict? {
    result.analysis.checks.first { $0.id == "bounded-amplification" }?.verdict
  }

  @Test func seed003sFixedClientAndTheBrokerPassA15MinuteOutage() throws {
    // Against the faultless perfect client's 1 request these were 20x and 18x.
    let lease = try run(Self.fifteenMinuteOutage, strategy: "lease-shared")
    #expect(lease.metrics.minimalRefreshes == 15)
    #expect(lease.metrics.tokenRequests == 20)
    #expect(amplification(lease) == .pass)
    let broker = try run(Self.fifteenMinuteOutage, strategy: "broker")
    #expect(broker.metrics.tokenRequests == 18)
    #expect(amplification(broker) == .pass)
  }

  @Test func aThrottleKeptPerProcessStillFailsTheSharedThrottleScenario() throws {
    let scenario = try Scenario.load(
      path: packageRoot.appendingPathComponent("Scenarios/transient-502-shared-throttle.json").path)
    func leaseShared(sharingThrottle: Bool) throws -> RunResult {
      var settings = LeaseSettings(duration: .seconds(60), poll: .seconds(1), lockWait: .seconds(5))
      settings.sharesThrottle = sharingThrottle
      let policy = RefreshPolicy(try choice("lease-shared").parameters)
      return Simulation(scenario: scenario, strategyName: "switched", seed: nil) { _ in
        RefreshClient(policy: policy, coordination: .lease(settings))
      }.run()
    }
    let shared = try leaseShared(sharingThrottle: true)
    let perProcess = try leaseShared(sharingThrottle: false)
    #expect(shared.metrics.minimalRefreshes == 21, "20 failures from 1:00 every 30 s, then 1:10")
    #expect((shared.metrics.tokenRequests, amplification(shared)) == (29, .pass))
    #expect((perProcess.metrics.tokenRequests, amplification(perProcess)) == (221, .fail))
  }
}

import Foundation
import Testing

@testable import TokenSimKit

/// Issue 15, item 14: each built-in strategy's defining mechanism changes an outcome of the
/// bundled suite when it is switched off, so the suite exercises what it claims.
@Suite struct MechanismCoverageTests {
  /// A bundled scenario, by file name.
  func bundled(_ name: String) throws -> Scenario {
    try Scenario.load(path: packageRoot.appendingPathComponent("Scenarios/\(name).json").path)
  }

  /// The metrics of a run of `scenario` with an engine built from `strategy`'s parameters and
  /// `coordination` (its own when nil) or policy changes.
  func engineRun(
    _ scenario: Scenario, _ strategy: String, coordination: Coordination? = nil,
    _ change: (inout RefreshPolicy) -> Void = { _ in }
  ) throws -> RunResult {
    let choice = try choice(strategy)
    var policy = RefreshPolicy(choice.parameters)
    change(&policy)
    let own: Coordination
    switch choice.makeStrategy(.daemon) {
    case let engine as any EngineStrategy: own = engine.engine.coordination
    default: own = .none
    }
    let used = coordination ?? own
    return Simulation(scenario: scenario, strategyName: "switched", seed: nil) { _ in
      RefreshClient(policy: policy, coordination: used)
    }.run()
  }

  func builtIn(_ scenario: Scenario, _ strategy: String) throws -> RunResult {
    Simulation(scenario: scenario, strategy: try choice(strategy)).run()
  }

  /// Revocations and the verdict of a run, the outcome most mechanisms exist to protect.
  func outcome(_ result: RunResult) -> (revocations: Int, verdict: CheckVerdict) {
    (result.metrics.familyRevocations, result.analysis.verdict)
  }

  @Test func withoutTheSharedThrottleEveryNewCLIRefreshesDuringTheOutage() throws {
    let scenario = try bundled("transient-502-shared-throttle")
    var settings = LeaseSettings(duration: .seconds(60), poll: .seconds(1), lockWait: .seconds(5))
    let shared = try engineRun(scenario, "lease-shared", coordination: .lease(settings))
    settings.sharesThrottle = false
    let perProcess = try engineRun(scenario, "lease-shared", coordination: .lease(settings))
    #expect(shared.metrics.tokenRequests == 29)
    #expect(perProcess.metrics.tokenRequests == 221)
  }

  @Test func withoutTheLeaseTwoDaemonsRefreshTogetherAndLoseTheFamily() throws {
    let scenario = try bundled("reuse-no-leeway")
    #expect(outcome(try engineRun(scenario, "lease-shared")) == (0, .pass))
    #expect(outcome(try engineRun(scenario, "lease-shared", coordination: .reread)) == (1, .fail))
  }

  @Test func withoutTheLockAroundTheWholeRefreshTwoDaemonsLoseTheFamily() throws {
    let scenario = try bundled("reuse-no-leeway")
    #expect(outcome(try engineRun(scenario, "lock-whole-refresh")) == (0, .pass))
    #expect(outcome(try engineRun(scenario, "lock-whole-refresh", coordination: .reread)) == (1, .fail))
  }

  @Test func withoutTheRereadBeforeRefreshingADaemonPresentsARotatedToken() throws {
    let scenario = try bundled("reuse-okta-leeway")
    #expect(outcome(try engineRun(scenario, "reread-from-disk")) == (0, .pass))
    #expect(outcome(try engineRun(scenario, "reread-from-disk", coordination: Coordination.none)) == (1, .fail))
  }

  @Test func withoutTheAdvisoryWindowTheBrokersOutageCostsTheFamily() throws {
    let scenario = try bundled("broker-crash")
    #expect(outcome(try engineRun(scenario, "advisory-mandatory")) == (0, .pass))
    #expect(outcome(try engineRun(scenario, "advisory-mandatory") { $0.advisoryWindow = nil }) == (1, .fail))
  }

  @Test func withoutTheBrokerEveryProcessRefreshesAndTheDaemonThrashes() throws {
    let scenario = try bundled("shared-file-thrash")
    let broker = try builtIn(scenario, "broker")
    // The broker's own engine in every process: no single owner, no single flight.
    let policy = RefreshPolicy(try choice("broker").parameters)
    let alone = Simulation(scenario: scenario, strategyName: "no-broker", seed: nil) { _ in
      RefreshClient(policy: policy, coordination: .none)
    }.run()
    #expect(broker.metrics.tokenRequests == 4)
    #expect(alone.metrics.tokenRequests == 289)
    #expect(broker.analysis.verdict == .pass && alone.analysis.verdict == .fail)
  }
}

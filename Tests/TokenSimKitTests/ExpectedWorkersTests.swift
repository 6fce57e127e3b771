import Foundation
import Testing

@testable import TokenSimKit

/// The world tells its analyzer how many workers a scenario has, so that the per-worker tables
/// (a timeline cell per worker and bucket, an outage record per worker) are made room for once
/// instead of copied as they grow, the old and the new side by side at a fleet's peak. A count
/// too low brings the copies back; one too high reserves memory no worker uses.
@Suite struct ExpectedWorkersTests {
  static let bundled = ["shared-file-thrash.json", "broker-crash.json", "clock-skew-and-suspend.json", "quiet-day.json"]

  @Test(arguments: bundled, [false, true])
  func theHintIsEveryWorkerTheRunCanHave(file: String, brokers: Bool) throws {
    var scenario = try Scenario.load(path: packageRoot.appendingPathComponent("Scenarios/" + file).path)
    scenario.duration = min(scenario.duration, .minutes(30))
    let world = World(scenario: scenario, seed: 1, brokers: brokers, retention: .discard) { _ in NaiveStrategy() }
    world.run()
    let seen = world.analyzer.workersSeen
    #expect(seen > 0)
    #expect(seen <= world.analyzer.expectedWorkers, "\(file): \(seen) workers seen")
  }

  /// Every worker of a fleet whose daemons all start and whose CLIs all arrive within the run is
  /// seen: the hint is exact, not merely large enough.
  @Test func theHintIsExactWhenEveryWorkerStarts() throws {
    let json = """
      {"name": "f", "description": "fleet", "duration": "1h", "server": {"accessTokenTTL": "1h"},
       "hosts": [{"name": "web", "copies": 4, "processes": [
         {"name": "agent", "role": "daemon", "count": 3, "cycle": {"every": "10m"}},
         {"name": "cli", "role": "cli", "arrivals": {"every": "5m"}}]}]}
      """
    for brokers in [false, true] {
      let world = World(scenario: try scenario(json), seed: 1, brokers: brokers, retention: .discard) { _ in
        NaiveStrategy()
      }
      world.run()
      #expect(world.analyzer.expectedWorkers == (brokers ? 4 * 5 : 4 * 4))
      #expect(world.analyzer.workersSeen == world.analyzer.expectedWorkers, "brokers: \(brokers)")
    }
  }
}

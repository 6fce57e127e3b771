import Foundation
import Testing

@testable import TokenSimKit

/// Every bundled scenario under every built-in strategy, for seeds other than the scenario's own,
/// with the world's invariants checked after every event (tests are debug builds) and all of them
/// once more at the end. A broken invariant stops the test run with its message.
@Suite struct InvariantSweepTests {
  static let scenarioFiles: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.path + "/Scenarios")) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted()
  }()

  @Test(arguments: scenarioFiles)
  func everyStrategyKeepsTheInvariantsUnderOtherSeeds(file: String) throws {
    let scenario = try Scenario.load(path: packageRoot.path + "/Scenarios/" + file)
    for entry in StrategyCatalog.all {
      let strategy = StrategyChoice(entry)
      for seed in [scenario.seed &+ 1, scenario.seed &+ 2] {
        let world = World(
          scenario: scenario, seed: seed, brokers: entry.usesBroker, retention: .discard,
          makeStrategy: strategy.makeStrategy)
        world.run()
        #expect(world.invariantViolations() == [], "\(file) × \(entry.name), seed \(seed)")
        #expect(world.eventsProcessed > 0, "\(file) × \(entry.name), seed \(seed)")
      }
    }
  }

  @Test func theSweepCoversTheBundledSuite() {
    #expect(Self.scenarioFiles.count >= 26)
  }
}

import Testing

@testable import TokenSimKit

/// The fuzzer's scenario space: every draw is a valid scenario, and a (seed, index) replays exactly.
struct ScenarioSpaceTests {
  @Test func fiveHundredDrawsAreValidScenarios() throws {
    var failures: [String] = []
    for index in 0..<500 {
      let text = ScenarioSpace.draw(seed: 1, index: index)
      do {
        _ = try Scenario.parse(text, file: "draw-\(index).json")
      } catch {
        failures.append(error.description)
      }
    }
    #expect(failures.isEmpty, "\(failures.count) draws were refused; the first: \(failures.first ?? "")")
  }

  @Test func aDrawReplaysFromItsSeedAndIndex() {
    #expect(ScenarioSpace.draw(seed: 7, index: 42) == ScenarioSpace.draw(seed: 7, index: 42))
    #expect(ScenarioSpace.draw(seed: 7, index: 42) != ScenarioSpace.draw(seed: 7, index: 43))
    #expect(ScenarioSpace.draw(seed: 7, index: 42) != ScenarioSpace.draw(seed: 8, index: 42))
  }

  @Test func aSmallerPopulationCutsOnlyCopiesAndCounts() throws {
    for index in 0..<200 {
      let full = try Scenario.parse(ScenarioSpace.draw(seed: 5, index: index), file: "full.json")
      let small = try Scenario.parse(ScenarioSpace.draw(seed: 5, index: index, population: 2_000), file: "small.json")
      // Each of at most four host entries keeps one copy of its (at most five) processes when
      // the cap is used up: the cap is N and a few processes.
      #expect(small.hosts.map(ScenarioPopulation.estimate).reduce(0, +) <= 2_000 + 4 * 5, "draw \(index)")
      #expect(small.duration == full.duration && small.seed == full.seed, "draw \(index)")
    }
  }

  @Test func theSpaceReachesTheExtremes() throws {
    let scenarios = try (0..<300).map { try Scenario.parse(ScenarioSpace.draw(seed: 3, index: $0), file: "x.json") }
    #expect(scenarios.contains { $0.duration == .days(3_650) })
    #expect(scenarios.contains { $0.duration == .seconds(1) })
    #expect(scenarios.contains { $0.hosts.count >= 1_000 })
    #expect(scenarios.contains { $0.hosts.contains { $0.driftPPM == 100_000 || $0.driftPPM == -100_000 } })
  }
}

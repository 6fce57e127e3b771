import Foundation
import Testing

@testable import TokenSimKit

/// Broken copies of the bundled scenarios are refused with a message, never a crash.
struct ScenarioMutationTests {
  static let bundled = try! FileManager.default.contentsOfDirectory(
    atPath: packageRoot.appendingPathComponent("Scenarios").path
  ).filter { $0.hasSuffix(".json") }.sorted()

  @Test(arguments: ScenarioMutation.allCases)
  func mutatedScenariosAreReadOrRefusedWithAMessage(_ mutation: ScenarioMutation) throws {
    var random = RandomStream(rootSeed: 16, name: mutation.rawValue)
    var refused = 0
    for name in Self.bundled {
      let text = try String(contentsOf: packageRoot.appendingPathComponent("Scenarios/\(name)"), encoding: .utf8)
      for _ in 0..<12 {
        let mutated = mutation.apply(to: text, random: &random)
        do {
          _ = try Scenario.parse(mutated, file: name)
        } catch {
          refused += 1
          #expect(error.description.hasPrefix(name), "\(error)")
          #expect(error.description.contains("expected"), "\(error)")
        }
      }
    }
    #expect(refused > 0, "no \(mutation) copy was refused: the mutation does nothing")
  }

  @Test func aPopulationTooLargeToFitIsRefusedNamingTheProduct() throws {
    let json = """
      {"name": "t", "description": "d", "duration": "1h", "hosts": [
        {"name": "web", "copies": 100, "processes": [
          {"name": "sync", "role": "daemon", "count": 10000, "cycle": {"every": "1m"}},
          {"name": "cli", "role": "cli", "arrivals": {"cron": "1m", "burst": 20}}]}]}
      """
    #expect {
      try Scenario.parse(json, file: "big.json")
    } throws: { error in
      let text = (error as? ScenarioError)?.description ?? ""
      return text.contains("copies 100 × (count 10,000 \"sync\" + burst 20 \"cli\" + 1 broker) = 1,002,100")
        && text.contains("at most 1,000,000 processes at once")
    }
  }
}

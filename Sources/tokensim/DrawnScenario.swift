import Foundation
import TokenSimKit

/// One scenario of a fuzz campaign, drawn from the seed and its index at most once however many
/// of its cases need the file (to run again alone, and to keep with a finding).
struct DrawnScenario {
  let seed: UInt64
  let index: Int
  let population: Int
  private var text: String?

  init(seed: UInt64, index: Int, population: Int) {
    self.seed = seed
    self.index = index
    self.population = population
  }

  /// `case-SEED-INDEX`, the name of its file and of its cases' output.
  var name: String { Self.name(seed: seed, index: index) }

  /// The name of draw `index` under `seed`.
  static func name(seed: UInt64, index: Int) -> String { "case-\(seed)-\(index)" }

  /// Writes the scenario to `path`.
  mutating func write(to path: String) {
    if text == nil { text = ScenarioSpace.draw(seed: seed, index: index, population: population) }
    _ = FileManager.default.createFile(atPath: path, contents: Data(text!.utf8))
  }
}

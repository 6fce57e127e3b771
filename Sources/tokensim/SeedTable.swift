import TokenSimKit

/// What `run --seeds` prints: one line per seed, in the order given.
enum SeedTable {
  static func text(
    _ outcomes: [(seed: UInt64, entry: MatrixEntry)], scenario: Scenario, strategy: StrategyChoice, directory: String
  ) -> String {
    let rows = outcomes.map { seed, entry in
      [
        String(seed), entry.verdict.rawValue, Figures.percent(entry.metrics.availability),
        Figures.grouped(entry.metrics.tokenRequests), entry.problems.map(\.id).joined(separator: ", "),
      ]
    }
    let passed = outcomes.count { $0.entry.verdict == .pass }
    return "\(scenario.name) × \(strategy.name) under \(outcomes.count) seeds\n\n"
      + MatrixTable.render(header: ["seed", "verdict", "availability", "token requests", "failing"], rows: rows)
      + "\n\n\(passed) of \(outcomes.count) seeds passed; reports under \(directory)/seed-N/, "
      + "this table in \(directory)/seeds.json and seeds.md"
  }
}

import Foundation
import TokenSimKit

/// `run --seeds 1-8,20`: one scenario and strategy under several root seeds, `jobs` at a time,
/// each seed's reports in DIR/seed-N/, and one line per seed in seed order whatever `jobs` is.
enum SeedSweep {
  /// Parses `1-8,20` into [1, …, 8, 20]: at most 10,000 distinct seeds from 0 to 4294967295.
  static func parse(_ text: String) throws(CommandFailure) -> [UInt64] {
    let failure = CommandFailure(
      status: 2, message: "--seeds wants seeds and ranges such as 1-8,20 (0 to 4294967295, at most 10000), not \"\(text)\"")
    var seeds: [UInt64] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { UInt64($0) }
      guard (1...2).contains(bounds.count), let low = bounds.first!, let high = bounds.last!, low <= high,
        high <= UInt64(UInt32.max), high - low < 10_000
      else { throw failure }
      seeds += Array(low...high)
    }
    guard seeds.count <= 10_000, Set(seeds).count == seeds.count else { throw failure }
    return seeds
  }

  static func run(
    _ scenario: Scenario, strategy: StrategyChoice, seeds: [UInt64], directory: String, trace: Bool, jobs: Int
  ) throws(CommandFailure) {
    let progress = Progress(total: seeds.count)
    let results = try ParallelRuns.map(count: seeds.count, jobs: jobs) { index throws(CommandFailure) in
      let (result, _) = try RunCommand.runAndWrite(
        scenario, strategy: strategy, seed: seeds[index], to: "\(directory)/seed-\(seeds[index])", trace: trace)
      progress.finished("seed \(seeds[index])")
      return MatrixEntry(result)
    }
    progress.clear()
    print(table(results, seeds: seeds, scenario: scenario, strategy: strategy, directory: directory))
  }

  static func table(
    _ entries: [MatrixEntry], seeds: [UInt64], scenario: Scenario, strategy: StrategyChoice, directory: String
  ) -> String {
    let rows = zip(seeds, entries).map { seed, entry in
      [
        String(seed), entry.verdict.rawValue, Figures.percent(entry.metrics.availability),
        Figures.grouped(entry.metrics.tokenRequests), entry.problems.map(\.id).joined(separator: ", "),
      ]
    }
    let passed = entries.count { $0.verdict == .pass }
    return "\(scenario.name) × \(strategy.name) under \(seeds.count) seeds\n\n"
      + MatrixTable.render(header: ["seed", "verdict", "availability", "token requests", "failing"], rows: rows)
      + "\n\n\(passed) of \(seeds.count) seeds passed; reports under \(directory)/seed-N/"
  }
}

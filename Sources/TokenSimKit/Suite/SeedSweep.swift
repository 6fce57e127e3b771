/// One scenario and strategy under several root seeds (`run --seeds 1-8,20`), `jobs` at a time,
/// each seed's reports in `directory/seed-N/`, and the outcomes in the order the seeds were given
/// whatever `jobs` is.
public enum SeedSweep {
  /// The most seeds one sweep runs.
  public static let maximumSeeds = 10_000

  /// Parses `1-8,20` into [1, …, 8, 20]; nil unless it is at most 10,000 distinct seeds, each
  /// from 0 to 4294967295, with every range low to high.
  public static func seeds(_ text: String) -> [UInt64]? {
    var seeds: [UInt64] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { UInt64($0) }
      guard (1...2).contains(bounds.count), let low = bounds.first!, let high = bounds.last!, low <= high,
        high <= UInt64(UInt32.max), high - low < UInt64(maximumSeeds)
      else { return nil }
      seeds += Array(low...high)
    }
    guard seeds.count <= maximumSeeds, Set(seeds).count == seeds.count else { return nil }
    return seeds
  }

  /// Runs `scenario` with `strategy` once per seed, writing each run's reports (and trace.jsonl
  /// when `trace`) into `directory/seed-N/`; returns each seed with its entry, in `seeds` order.
  public static func run(
    _ scenario: Scenario, strategy: StrategyChoice, seeds: [UInt64], directory: String, trace: Bool, jobs: Int,
    progress: @escaping RunProgress = { _ in }
  ) throws(SuiteError) -> [(seed: UInt64, entry: MatrixEntry)] {
    try ParallelRuns.map(count: seeds.count, jobs: jobs) { index throws(SuiteError) in
      let seed = seeds[index]
      let (result, _) = try SingleRun.run(
        scenario, strategy: strategy, seed: seed, to: "\(directory)/seed-\(seed)", trace: trace)
      progress("seed \(seed)")
      return (seed, MatrixEntry(result))
    }
  }
}

/// A scenario × strategy matrix (with `suite`, also each scenario's own variants), run `jobs` at
/// a time with each run's reports written under `out/<scenario>/<strategy>/`, and a `MatrixEntry`
/// kept of each in scenario then strategy order whatever `jobs` is.
///
/// ```swift
/// let matrix = MatrixRun(scenarios: [scenario], strategies: StrategyCatalog.all.map(StrategyChoice.init))
/// let entries = try matrix.runAndPublish(out: "out", jobs: 2)
/// ```
public struct MatrixRun: Sendable {
  /// The scenarios, in row order.
  public let scenarios: [Scenario]
  /// The strategies, in column order.
  public let strategies: [StrategyChoice]
  /// Whether this is a suite: each scenario's variants run too, its page is index.html, and a
  /// run that does not come out as its scenario expects fails it.
  public let suite: Bool

  /// A matrix of `scenarios` × `strategies`.
  public init(scenarios: [Scenario], strategies: [StrategyChoice], suite: Bool = false) {
    self.scenarios = scenarios
    self.strategies = strategies
    self.suite = suite
  }

  /// Every (scenario, strategy) run of the matrix, in order.
  public var runs: [(scenario: Scenario, strategy: StrategyChoice)] {
    scenarios.flatMap { scenario in (strategies + (suite ? scenario.variants : [])).map { (scenario, $0) } }
  }

  /// Every run as `scenario/strategy`, in order: what identifies the matrix in a shard file.
  public var runNames: [String] { runs.map { "\($0.scenario.name)/\($0.strategy.name)" } }

  /// Runs the whole matrix, or only the runs of `shard`, writing each run's reports under `out`
  /// and returning each entry with its position in the whole matrix. `progress` is told the
  /// label of each run as it finishes, from any thread.
  public func run(
    shard: Shard? = nil, out: String, jobs: Int, progress: @escaping RunProgress = { _ in }
  ) throws(SuiteError) -> [ShardFile.Placed] {
    let all = runs
    let chosen = all.indices.filter { shard?.contains($0) ?? true }
    return try ParallelRuns.map(count: chosen.count, jobs: jobs) { position throws(SuiteError) in
      let index = chosen[position]
      let (scenario, strategy) = all[index]
      let result = Simulation(scenario: scenario, strategy: strategy).run(trace: .discard)
      try RunFiles.publish(result, to: "\(out)/\(scenario.name)/\(strategy.name)")
      progress("\(scenario.name) × \(strategy.name)")
      return ShardFile.Placed(index: index, entry: MatrixEntry(result))
    }
  }

  /// Runs the matrix (or `shard` of it) and writes its files into `out`: the matrix files, or
  /// for a shard its `shard.json`. Returns the entries run, in matrix order. The matrix files of
  /// an earlier run into `out` are removed first, so an interrupted run never leaves them beside
  /// runs they do not describe.
  public func runAndPublish(
    shard: Shard? = nil, out: String, jobs: Int, progress: @escaping RunProgress = { _ in }
  ) throws(SuiteError) -> [MatrixEntry] {
    try MatrixFiles.removeEarlier(from: out, suite: suite, shard: true)
    let placed = try run(shard: shard, out: out, jobs: jobs, progress: progress)
    let entries = placed.map(\.entry)
    guard let shard else {
      try MatrixFiles.write(entries, to: out, suite: suite)
      return entries
    }
    try ShardFile(shard: shard.number, of: shard.count, suite: suite, runs: runNames, entries: placed).write(to: out)
    return entries
  }
}

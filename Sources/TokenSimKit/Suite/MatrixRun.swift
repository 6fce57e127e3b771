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
  /// Whether this is a suite: its page is index.html, and a run that does not come out as its
  /// scenario expects fails it.
  public let suite: Bool
  /// Which of each scenario's own variants run after the strategies.
  public let variants: VariantSelection

  /// A matrix of `scenarios` × `strategies`, then the `variants` of each scenario (default: all
  /// of them for a suite, none otherwise).
  public init(
    scenarios: [Scenario], strategies: [StrategyChoice], suite: Bool = false, variants: VariantSelection? = nil
  ) {
    self.scenarios = scenarios
    self.strategies = strategies
    self.suite = suite
    self.variants = variants ?? (suite ? .all : .named([]))
  }

  /// Every (scenario, strategy) run of the matrix, in order.
  public var runs: [(scenario: Scenario, strategy: StrategyChoice)] {
    scenarios.flatMap { scenario in
      (strategies + scenario.variants.filter { variants.includes($0.name) }).map { (scenario, $0) }
    }
  }

  /// The runs a scenario's `expect` section should judge but names no expectation for (built-in
  /// strategies at their defaults and the scenario's variants; a configured strategy is never
  /// expected), one sentence each naming the scenario file; empty when all are covered.
  public var missingExpectations: [String] {
    var missing: [String] = []
    for scenario in scenarios {
      guard let expectations = scenario.expectations else { continue }
      let names = runs.filter { $0.scenario.name == scenario.name }.map(\.strategy.name).filter { name in
        StrategyCatalog.named(name) != nil || scenario.variants.contains { $0.name == name }
      }
      let absent = names.filter { expectations.runs[$0] == nil }
      guard !absent.isEmpty else { continue }
      let list = absent.map { "\"\($0)\"" }.joined(separator: ", ")
      missing.append("\(scenario.file): the expect section has no expectation for \(list), which this suite runs")
    }
    return missing
  }

  /// Every run as `scenario/strategy`, in order: what identifies the matrix in a shard file.
  public var runNames: [String] { runs.map { "\($0.scenario.name)/\($0.strategy.name)" } }

  /// Runs the whole matrix, or only the runs of `shard`, writing each run's reports under `out`
  /// and returning each entry with its position in the whole matrix. `progress` is told the
  /// label of each run as it finishes, from any thread. With `linksToMatrix`, each run's page
  /// links back to the matrix page that `runAndPublish` (or a merge of the shards) writes.
  /// `times`, when given, is told how long each stage of each run took.
  public func run(
    shard: Shard? = nil, out: String, jobs: Int, linksToMatrix: Bool = false, times: StageTimes? = nil,
    progress: @escaping RunProgress = { _ in }
  ) throws(SuiteError) -> [ShardFile.Placed] {
    let matrixPage = linksToMatrix ? "../../" + MatrixFiles.page(suite: suite) : nil
    let all = runs
    let chosen = all.indices.filter { shard?.contains($0) ?? true }
    return try ParallelRuns.map(count: chosen.count, jobs: jobs) { position throws(SuiteError) in
      let index = chosen[position]
      let (scenario, strategy) = all[index]
      let result = times.time(.simulation) { Simulation(scenario: scenario, strategy: strategy).run(trace: .discard) }
      try RunFiles.publish(result, to: "\(out)/\(scenario.name)/\(strategy.name)", matrixPage: matrixPage, times: times)
      progress("\(scenario.name) × \(strategy.name)")
      return ShardFile.Placed(index: index, entry: MatrixEntry(result))
    }
  }

  /// Runs the matrix (or `shard` of it) and writes its files into `out`: the matrix files, or
  /// for a shard its `shard.json`. Returns the entries run, in matrix order. The matrix files of
  /// an earlier run into `out` are removed first, so an interrupted run never leaves them beside
  /// runs they do not describe. `times`, when given, is told how long each stage took.
  public func runAndPublish(
    shard: Shard? = nil, out: String, jobs: Int, times: StageTimes? = nil, progress: @escaping RunProgress = { _ in }
  ) throws(SuiteError) -> [MatrixEntry] {
    try MatrixFiles.removeEarlier(from: out, suite: suite, shard: true)
    let placed = try run(shard: shard, out: out, jobs: jobs, linksToMatrix: true, times: times, progress: progress)
    let entries = placed.map(\.entry)
    guard let shard else {
      try times.time(.matrix) { () throws(SuiteError) in try MatrixFiles.write(entries, to: out, suite: suite) }
      return entries
    }
    try ShardFile(shard: shard.number, of: shard.count, suite: suite, runs: runNames, entries: placed).write(to: out)
    return entries
  }
}

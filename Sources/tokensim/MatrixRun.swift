import TokenSimKit

/// Runs every scenario with every strategy (and, with `variants`, each scenario's own variants),
/// `jobs` at a time, writes each run's reports under `out`, and keeps a `MatrixEntry` of each, in
/// scenario then strategy order whatever `jobs` is.
enum MatrixRun {
  /// Every (scenario, strategy) run of the matrix, in order.
  static func runs(_ scenarios: [Scenario], strategies: [StrategyChoice], variants: Bool) -> [(Scenario, StrategyChoice)] {
    scenarios.flatMap { scenario in (strategies + (variants ? scenario.variants : [])).map { (scenario, $0) } }
  }

  /// Runs the whole matrix, or only the runs of `shard`, returning each entry with its position
  /// in the whole matrix.
  static func run(
    _ scenarios: [Scenario], strategies: [StrategyChoice], variants: Bool = false, shard: Shard? = nil, out: String,
    jobs: Int
  ) throws(CommandFailure) -> [(index: Int, entry: MatrixEntry)] {
    let all = runs(scenarios, strategies: strategies, variants: variants)
    let chosen = all.indices.filter { shard?.contains($0) ?? true }
    let progress = Progress(total: chosen.count)
    defer { progress.clear() }
    return try ParallelRuns.map(count: chosen.count, jobs: jobs) { position throws(CommandFailure) in
      let index = chosen[position]
      let (scenario, strategy) = all[index]
      let result = Simulation(scenario: scenario, strategy: strategy).run(trace: .discard)
      try RunCommand.writeOutputs(result, to: "\(out)/\(scenario.name)/\(strategy.name)")
      progress.finished("\(scenario.name) × \(strategy.name)")
      return (index, MatrixEntry(result))
    }
  }

  /// `--strategy a,b,c` or `all` (the default) as built-in strategies at their defaults.
  static func strategies(_ list: String?) throws(CommandFailure) -> [StrategyChoice] {
    guard let list, list != "all" else { return StrategyCatalog.all.map(StrategyChoice.init) }
    do throws(ScenarioError) {
      return try list.split(separator: ",").map { name throws(ScenarioError) in
        StrategyChoice(try StrategyCatalog.entry(String(name), source: "--strategy", path: String(name)))
      }
    } catch {
      throw CommandFailure(status: 2, message: error.description)
    }
  }

  /// Writes compare.json, compare.md and the HTML page (`compare.html`, or `index.html` for the
  /// suite) into `out`.
  static func writeMatrix(_ entries: [MatrixEntry], to out: String, page: String = "compare.html") throws(CommandFailure) {
    do {
      try FileOutput.write(MatrixReport.json(entries), to: "\(out)/compare.json")
      try FileOutput.write(MatrixReport.markdown(entries), to: "\(out)/compare.md")
      try FileOutput.write(MatrixReport.html(entries), to: "\(out)/\(page)")
    } catch {
      throw CommandFailure(status: 2, message: "cannot write to \(out): \(error.localizedDescription)")
    }
  }

  /// The matrix as a terminal table, the scenarios' variants, the failing checks (or, for a
  /// large suite, where they are listed), and whether the runs came out as the scenarios expect.
  static func text(_ entries: [MatrixEntry], listingProblemsIn file: String? = nil) -> String {
    let (header, rows) = MatrixReport.rows(entries)
    var text = MatrixTable.render(header: header, rows: rows)
    let variants = MatrixReport.variantRows(entries)
    if !variants.isEmpty {
      text += "\n\nVariants of a scenario:\n" + MatrixTable.render(header: ["scenario", "variant", "result"], rows: variants)
    }
    let problems = MatrixReport.problems(entries)
    if let file, !problems.isEmpty {
      text += "\n\n\(problems.count) failing or undecided checks, each with its evidence, are listed in \(file)."
    } else if !problems.isEmpty {
      text += "\n\nFailing checks:\n" + problems.map { "  " + $0 }.joined(separator: "\n")
    }
    if let summary = MatrixReport.expectationSummary(entries) {
      text += "\n\n" + ([summary] + MatrixReport.unmet(entries).map { "  " + $0 }).joined(separator: "\n")
    }
    return text
  }
}

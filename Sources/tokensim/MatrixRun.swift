import TokenSimKit

/// Runs every scenario with every strategy (and, with `variants`, each scenario's own variants),
/// writes each run's reports under `out`, and keeps a `MatrixEntry` of each.
enum MatrixRun {
  static func run(
    _ scenarios: [Scenario], strategies: [StrategyChoice], variants: Bool = false, out: String
  ) throws(CommandFailure) -> [MatrixEntry] {
    let runs = scenarios.map { ($0, strategies + (variants ? $0.variants : [])) }
    var progress = Progress(total: runs.reduce(0) { $0 + $1.1.count })
    defer { progress.clear() }
    var entries: [MatrixEntry] = []
    for (scenario, strategies) in runs {
      for strategy in strategies {
        progress.start("\(scenario.name) × \(strategy.name)")
        let result = Simulation(scenario: scenario, strategy: strategy).run()
        try RunCommand.writeOutputs(result, to: "\(out)/\(scenario.name)/\(strategy.name)", trace: false)
        entries.append(MatrixEntry(result))
        progress.finish()
      }
    }
    return entries
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

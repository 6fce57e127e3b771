import TokenSimKit

/// Runs every scenario with every strategy, writes each run's reports under `out`, and keeps a
/// `MatrixEntry` of each.
enum MatrixRun {
  static func run(_ scenarios: [Scenario], strategies: [StrategyChoice], out: String) throws(CommandFailure) -> [MatrixEntry] {
    var progress = Progress(total: scenarios.count * strategies.count)
    defer { progress.clear() }
    var entries: [MatrixEntry] = []
    for scenario in scenarios {
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

  /// Writes compare.json, compare.md and compare.html into `out`.
  static func writeMatrix(_ entries: [MatrixEntry], to out: String) throws(CommandFailure) {
    do {
      try FileOutput.write(MatrixReport.json(entries), to: "\(out)/compare.json")
      try FileOutput.write(MatrixReport.markdown(entries), to: "\(out)/compare.md")
      try FileOutput.write(MatrixReport.html(entries), to: "\(out)/compare.html")
    } catch {
      throw CommandFailure(status: 2, message: "cannot write to \(out): \(error.localizedDescription)")
    }
  }

  /// The matrix as a terminal table, with failing checks listed below it.
  static func text(_ entries: [MatrixEntry]) -> String {
    let (header, rows) = MatrixReport.rows(entries)
    var text = MatrixTable.render(header: header, rows: rows)
    let problems = MatrixReport.problems(entries)
    if !problems.isEmpty { text += "\n\nFailing checks:\n" + problems.map { "  " + $0 }.joined(separator: "\n") }
    return text
  }
}

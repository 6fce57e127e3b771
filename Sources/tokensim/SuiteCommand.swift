import Foundation
import TokenSimKit

/// `tokensim suite [DIR]`: every scenario of a directory against every built-in strategy.
enum SuiteCommand {
  static let help = """
    Usage: tokensim suite [DIR] [--strategy a,b,...] [--out DIR]

    Runs every scenario file (*.json) directly in DIR (default: Scenarios) against every built-in
    strategy, or those named (--strategy a,b or all), writes each report under --out (default:
    Reports), and prints one table per scenario: a row per strategy with its telling figures.

    Exit status: 0 after the runs, 2 when a scenario or an option is wrong (nothing is run).
    """

  static func main(_ words: [String]) throws(CommandFailure) {
    let arguments = try parse(words, valued: ["strategy", "out"], flags: ["help"], help: help)
    guard arguments.positional.count <= 1 else {
      throw CommandFailure(status: 2, message: "suite takes at most one directory\n\n\(help)")
    }
    let directory = arguments.positional.first ?? "Scenarios"
    let scenarios = try scenarioFiles(in: directory).map { path throws(CommandFailure) in try loadScenario(path) }
    let entries = try strategies(arguments.value("strategy"))
    let out = arguments.value("out") ?? "Reports"
    var tables: [String] = []
    for scenario in scenarios {
      var rows: [[String]] = []
      for entry in entries {
        let result = Simulation(scenario: scenario, strategy: StrategyChoice(entry)).run()
        try RunCommand.writeOutputs(result, to: "\(out)/\(scenario.name)/\(entry.name)", trace: false)
        rows.append([entry.name] + cells(result.metrics))
      }
      let header = ["strategy", "availability", "token requests", "reuse", "revocations", "restarts", "alerts"]
      tables.append("\(scenario.name)\n" + MatrixTable.render(header: header, rows: rows, rightAligned: 1..<header.count))
    }
    print(tables.joined(separator: "\n\n"))
    print("\nreports under \(out)/<scenario>/<strategy>/report.json")
  }

  static func cells(_ m: RunMetrics) -> [String] {
    [
      Figures.percent(m.availability), Figures.grouped(m.tokenRequests), Figures.grouped(m.reuseDetections),
      Figures.grouped(m.familyRevocations), Figures.grouped(m.workLoopRestarts), Figures.grouped(m.needsLoginAlerts),
    ]
  }

  static func scenarioFiles(in directory: String) throws(CommandFailure) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      throw CommandFailure(status: 2, message: "cannot read the directory \(directory)")
    }
    let files = names.filter { $0.hasSuffix(".json") }.sorted().map { "\(directory)/\($0)" }
    guard !files.isEmpty else { throw CommandFailure(status: 2, message: "no scenario files (*.json) in \(directory)") }
    return files
  }

  static func strategies(_ list: String?) throws(CommandFailure) -> [StrategyCatalog.Entry] {
    guard let list, list != "all" else { return StrategyCatalog.all }
    do throws(ScenarioError) {
      return try list.split(separator: ",").map { name throws(ScenarioError) in
        try StrategyCatalog.entry(String(name), source: "--strategy", path: String(name))
      }
    } catch {
      throw CommandFailure(status: 2, message: error.description)
    }
  }
}

/// A plain-text table with aligned columns.
enum MatrixTable {
  static func render(header: [String], rows: [[String]], rightAligned: Range<Int> = 0..<0) -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      cells.indices.map { column in
        let cell = cells[column]
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return rightAligned.contains(column) ? pad + cell : cell + pad
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}

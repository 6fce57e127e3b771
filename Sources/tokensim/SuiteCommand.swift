import TokenSimKit

/// `tokensim suite [DIR]`: every scenario of a directory against every built-in strategy.
enum SuiteCommand {
  static let help = """
    Usage: tokensim suite [DIR] [--strategy a,b,...|all] [--out DIR]

    Runs every scenario file (*.json) directly in DIR (default: Scenarios) against every built-in
    strategy, or those named, and prints the comparison matrix; the same as
    `tokensim compare DIR --strategy all`. Writes each run's reports under --out (default:
    Reports) and the matrix as compare.json, compare.md and compare.html there.

    Exit status: 0 after the runs, 2 when a scenario or an option is wrong (nothing is run).
    """

  static func main(_ words: [String]) throws(CommandFailure) {
    let arguments = try parse(words, valued: ["strategy", "out"], flags: ["help"], help: help)
    guard arguments.positional.count <= 1 else {
      throw CommandFailure(status: 2, message: "suite takes at most one directory\n\n\(help)")
    }
    try CompareCommand.run(
      [arguments.positional.first ?? "Scenarios"], strategies: arguments.value("strategy"),
      out: arguments.value("out") ?? "Reports")
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

import TokenSimKit

/// `tokensim suite [DIR]`: every scenario of a directory against every built-in strategy.
enum SuiteCommand {
  static let help = """
    Usage: tokensim suite [DIR] [--strategy a,b,...|all] [--out DIR] [--jobs N] [--shard I/N]

    Runs every scenario file (*.json) directly in DIR (default: Scenarios) against every built-in
    strategy (or those named) and against each scenario's own variants, prints the comparison
    matrix, and compares every run with its scenario's `expect` section: the verdict, the
    failing checks and the metric bounds each strategy must get.

    Writes each run's reports under --out (default: Reports), and the matrix as compare.json,
    compare.md and index.html there. --jobs N runs N simulations at once (default: the number
    of cores); the output and every report are the same bytes for any N.

    --shard I/N runs only the I-th of N slices (runs I, I+N, … of the matrix) and writes its
    runs' reports and shard.json; `tokensim merge` combines the N directories into the reports
    one run would have written, and exits 1 if a run did not come out as expected.

    Exit status: 0 when every run came out as expected (or nothing is expected), 1 when one did
    not, 2 when a scenario or an option is wrong (nothing is run).
    """

  static func main(_ words: [String]) throws(CommandFailure) {
    let arguments = try parse(words, valued: ["strategy", "out", "jobs", "shard"], flags: ["help"], help: help)
    guard arguments.positional.count <= 1 else {
      throw CommandFailure(status: 2, message: "suite takes at most one directory\n\n\(help)")
    }
    let entries = try CompareCommand.run(
      [arguments.positional.first ?? "Scenarios"], strategies: arguments.value("strategy"),
      out: arguments.value("out") ?? "Reports", jobs: try Jobs.parse(arguments.value("jobs")), suite: true,
      shard: try Shard.parse(arguments.value("shard")))
    if entries.contains(where: \.isUnexpected) {
      throw CommandFailure(status: 1, message: "some runs did not come out as their scenarios expect (listed above)")
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

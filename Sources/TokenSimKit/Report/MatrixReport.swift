import Foundation

/// compare.json, compare.md and compare.html: the scenario × strategy matrix with each cell's
/// verdict and telling figure, and every failing check with its evidence.
public enum MatrixReport {
  /// The strategies in column order and the scenarios in row order of `entries`.
  static func axes(_ entries: [MatrixEntry]) -> (scenarios: [String], strategies: [String]) {
    var scenarios: [String] = []
    var strategies: [String] = []
    for entry in entries {
      if !scenarios.contains(entry.scenario) { scenarios.append(entry.scenario) }
      if !strategies.contains(entry.strategy) { strategies.append(entry.strategy) }
    }
    return (scenarios, strategies)
  }

  /// Rows of cell texts, a header first.
  public static func rows(_ entries: [MatrixEntry]) -> (header: [String], rows: [[String]]) {
    let (scenarios, strategies) = axes(entries)
    let rows = scenarios.map { scenario in
      [scenario] + strategies.map { strategy in entries.first { $0.scenario == scenario && $0.strategy == strategy }?.cell ?? "" }
    }
    return (["scenario"] + strategies, rows)
  }

  /// One line per failing or undecided check: `scenario × strategy: check (observed, bound): evidence`.
  public static func problems(_ entries: [MatrixEntry]) -> [String] {
    entries.flatMap { entry in
      entry.problems.map { check in
        "\(entry.scenario) × \(entry.strategy): \(check.verdict.rawValue) \(check.id) "
          + "(\(ReportText.value(check.observed, of: check.id)), \(ReportText.threshold(check))): \(ReportText.evidence(check.evidence))"
      }
    }
  }

  /// compare.md.
  public static func markdown(_ entries: [MatrixEntry]) -> String {
    let (header, rows) = self.rows(entries)
    var lines = [
      "# tokensim compare", "", "| " + header.joined(separator: " | ") + " |",
      "|" + String(repeating: "---|", count: header.count),
    ]
    lines += rows.map { "| " + $0.map(MarkdownReport.cell).joined(separator: " | ") + " |" }
    let problems = self.problems(entries)
    if !problems.isEmpty { lines += ["", "## Failing checks", ""] + problems.map { "- " + $0 } }
    return lines.joined(separator: "\n") + "\n"
  }

  /// compare.html, linking each cell to its run's index.html.
  public static func html(_ entries: [MatrixEntry]) -> String {
    let (scenarios, strategies) = axes(entries)
    let rows = scenarios.map { scenario -> [String] in
      let description = entries.first { $0.scenario == scenario }?.description ?? ""
      return ["<span title=\"\(Markup.escape(description))\">\(Markup.escape(scenario))</span>"]
        + strategies.map { strategy in
          guard let entry = entries.first(where: { $0.scenario == scenario && $0.strategy == strategy }) else { return "" }
          return "<a href=\"\(Markup.escape(entry.directory))/index.html\">\(HTMLPage.badge(entry.verdict))</a>"
            + Markup.escape(entry.figure)
        }
    }
    let problems = self.problems(entries).map { "<li>\(Markup.escape($0))</li>" }.joined(separator: "\n")
    let body = """
      <h1>tokensim compare</h1>
      <div class="meta">\(scenarios.count) scenario(s) × \(strategies.count) strategy(ies) · tokensim \(TokenSim.version) · each cell links to its run's report</div>
      \(HTMLPage.table(header: ["scenario"] + strategies, rows: rows))
      \(problems.isEmpty ? "" : "<h2>Failing checks</h2>\n<ul>\n\(problems)\n</ul>")
      """
    return HTMLPage.document(title: "tokensim compare", body: body)
  }

  /// compare.json: every cell's verdict, problems and metrics, keys sorted.
  public static func json(_ entries: [MatrixEntry]) throws -> Data {
    struct Cell: Encodable {
      var scenario: String
      var strategy: String
      var verdict: CheckVerdict
      var failedChecks: [String]
      var unknownChecks: [String]
      var report: String
      var metrics: RunMetrics
    }
    struct Document: Encodable {
      var schemaVersion = 1
      var tool = RunReport.ToolInfo()
      var results: [Cell]
    }
    let cells = entries.map {
      Cell(
        scenario: $0.scenario, strategy: $0.strategy, verdict: $0.verdict,
        failedChecks: $0.checks.filter { $0.verdict == .fail }.map(\.id),
        unknownChecks: $0.checks.filter { $0.verdict == .unknown }.map(\.id), report: "\($0.directory)/report.json",
        metrics: $0.metrics)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(Document(results: cells))
    data.append(0x0A)
    return data
  }
}

import Foundation

/// compare.json, compare.md and compare.html: the scenario × strategy matrix with each cell's
/// verdict and telling figure, and every failing check with its evidence.
public enum MatrixReport {
  /// The strategies in column order and the scenarios in row order of `entries` (a scenario's
  /// variants are not columns; `variantRows` lists them).
  static func axes(_ entries: [MatrixEntry]) -> (scenarios: [String], strategies: [String]) {
    var scenarios: [String] = []
    var strategies: [String] = []
    for entry in entries {
      if !scenarios.contains(entry.scenario) { scenarios.append(entry.scenario) }
      if !entry.isVariant, !strategies.contains(entry.strategy) { strategies.append(entry.strategy) }
    }
    return (scenarios, strategies)
  }

  /// The scenarios' own variants: scenario, variant and cell text.
  public static func variantRows(_ entries: [MatrixEntry]) -> [[String]] {
    entries.filter(\.isVariant).map { [$0.scenario, $0.strategy, $0.cell] }
  }

  /// `Expectations: 158 of 160 runs as expected`, or nil when no scenario has an `expect` section.
  public static func expectationSummary(_ entries: [MatrixEntry]) -> String? {
    let judged = entries.filter { $0.unmet != nil }
    guard !judged.isEmpty else { return nil }
    let met = judged.filter { !$0.isUnexpected }.count
    let scenarios = Set(judged.map(\.scenario)).count
    return met == judged.count
      ? "Expectations: all \(judged.count) runs of \(scenarios) scenario(s) came out as their expect sections say."
      : "Expectations: \(judged.count - met) of \(judged.count) runs did NOT come out as their expect sections say (cells marked !)."
  }

  /// One line per expectation not met: `scenario × strategy: what differed`.
  public static func unmet(_ entries: [MatrixEntry]) -> [String] {
    entries.flatMap { entry in (entry.unmet ?? []).map { "\(entry.scenario) × \(entry.strategy): \($0)" } }
  }

  /// One line per configured strategy of the matrix (a column or a variant), once each:
  /// `name: based on naive with backoff=full-jitter`.
  public static func configurations(_ entries: [MatrixEntry]) -> [String] {
    var seen: Set<String> = []
    return entries.compactMap { entry in
      guard let configuration = entry.configuration, seen.insert(entry.strategy).inserted else { return nil }
      return "\(entry.strategy): \(configuration.description)"
    }
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
    let variants = variantRows(entries)
    if !variants.isEmpty {
      lines += ["", "## Variants of a scenario", "", "| scenario | variant | result |", "|---|---|---|"]
      lines += variants.map { "| " + $0.map(MarkdownReport.cell).joined(separator: " | ") + " |" }
    }
    let configured = configurations(entries)
    if !configured.isEmpty { lines += ["", "## Configured strategies", ""] + configured.map { "- " + $0 } }
    if let summary = expectationSummary(entries) { lines += ["", summary] + unmet(entries).map { "- " + $0 } }
    let groups = MatrixProblems.groups(entries)
    if !groups.isEmpty { lines += ["", "## Failing checks, by scenario and check"] + MatrixProblems.markdown(groups) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// compare.html (index.html of a suite): see `MatrixPage`.
  public static func html(_ entries: [MatrixEntry]) -> String { MatrixPage.html(entries) }

  /// compare.json: every cell's verdict, problems and metrics, keys sorted.
  public static func json(_ entries: [MatrixEntry]) throws -> Data {
    struct Cell: Encodable {
      var scenario: String
      var strategy: String
      var base: String?
      var overrides: [String: String]?
      var verdict: CheckVerdict
      var failedChecks: [String]
      var unknownChecks: [String]
      var report: String
      var metrics: RunMetrics
      var variant: Bool
      @ExplicitNull var unmetExpectations: [String]?
    }
    struct Document: Encodable {
      var schemaVersion = 1
      var tool = RunReport.ToolInfo()
      var results: [Cell]
    }
    let cells = entries.map {
      Cell(
        scenario: $0.scenario, strategy: $0.strategy, base: $0.configuration?.base,
        overrides: $0.configuration?.overrideValues, verdict: $0.verdict,
        failedChecks: $0.checks.filter { $0.verdict == .fail }.map(\.id),
        unknownChecks: $0.checks.filter { $0.verdict == .unknown }.map(\.id), report: "\($0.directory)/report.json",
        metrics: $0.metrics, variant: $0.isVariant, unmetExpectations: $0.unmet)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(Document(results: cells))
    data.append(0x0A)
    return data
  }
}

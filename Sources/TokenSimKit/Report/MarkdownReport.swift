import Foundation

/// report.md: the verdict first, the checks, the key metrics and the account of what happened.
public enum MarkdownReport {
  /// The Markdown for `result`.
  public static func text(_ result: RunResult) -> String {
    let analysis = result.analysis
    var lines = [
      "# \(ReportText.verdict(analysis.verdict)): \(result.scenario.name) × \(result.strategyName)", "",
      "Seed \(result.seed), \(DurationText.approximate(.init(microseconds: result.simulated.microseconds))) simulated, "
        + "\(Figures.grouped(result.eventsProcessed)) events, tokensim \(TokenSim.version).", "",
    ]
    if let configuration = result.configuration {
      lines += ["Strategy `\(result.strategyName)`: \(configuration.description).", ""]
    }
    lines += [
      RunAccount.text(result), "",
      "| check | verdict | observed | threshold | evidence |", "|---|---|---|---|---|",
    ]
    for check in analysis.checks {
      let cells = [
        check.id, check.verdict.rawValue, ReportText.value(check.observed, of: check.id), ReportText.threshold(check),
        ReportText.evidence(check.evidence),
      ]
      lines.append("| " + cells.map(cell).joined(separator: " | ") + " |")
    }
    lines += ["", "| metric | value |", "|---|---|"]
    lines += ReportText.keyMetrics(result.metrics).map { "| \(cell($0.0)) | \(cell($0.1)) |" }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A table cell: pipes escaped, never empty.
  static func cell(_ text: String) -> String { text.isEmpty ? " " : text.replacingOccurrences(of: "|", with: "\\|") }
}

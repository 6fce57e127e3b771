/// The metrics of each scenario's runs side by side: a table per scenario with a column per
/// strategy (and variant) and a row per key metric, the values of compare.json as people read
/// them (counts through `Figures.grouped`, durations through `ReportText.seconds`).
public enum MatrixMetricTable {
  /// The rows: a label and how a run's metrics read in it.
  public static let rows: [(label: String, value: @Sendable (RunMetrics) -> String)] = [
    ("availability", { Figures.percent($0.availability) }),
    ("API calls failed", { Figures.grouped($0.apiCallsFailed) }),
    ("token requests", { Figures.grouped($0.tokenRequests) }),
    ("amplification", { String(format: "%.1f×", $0.amplification) }),
    ("peak token requests per second", { Figures.grouped($0.peakTokenRequestsPerSecond) }),
    ("reuse detections", { Figures.grouped($0.reuseDetections) }),
    ("family revocations", { Figures.grouped($0.familyRevocations) }),
    ("longest outage", { ReportText.seconds($0.longestOutageSeconds) }),
    ("convergence", { $0.convergenceSeconds.map { ReportText.seconds($0) } ?? "never" }),
    ("needs-login alerts", { Figures.grouped($0.needsLoginAlerts) }),
    ("time to alert", { ReportText.seconds($0.timeToAlertSeconds) }),
    ("work-loop restarts", { Figures.grouped($0.workLoopRestarts) }),
    ("work items dropped", { Figures.grouped($0.workItemsDropped) }),
    ("Retry-After violations", { Figures.grouped($0.retryAfterViolations.perProcess + $0.retryAfterViolations.sharedStore) }),
    ("store lost updates, torn reads", { ReportText.counts($0.storeLostUpdates, $0.tornReads) }),
  ]

  /// The section: one table per scenario, each in a block of its own (open when there is one).
  static func html(_ entries: [MatrixEntry]) -> String {
    let (scenarios, _) = MatrixReport.axes(entries)
    let open = scenarios.count == 1 ? " open=\"open\"" : ""
    let blocks = scenarios.map { scenario in
      let runs = entries.filter { $0.scenario == scenario }
      return "<details class=\"metrics\"\(open)><summary><b>\(Markup.escape(scenario))</b>: "
        + "\(RunAccount.count(runs.count, "run")) side by side</summary>\n\(table(runs))\n</details>"
    }
    return "<h2>Metrics side by side</h2>\n" + blocks.joined(separator: "\n") + "\n"
  }

  /// One scenario's table: a column per run, the verdict first.
  static func table(_ runs: [MatrixEntry]) -> String {
    let head =
      "<tr><th>metric</th>"
      + runs.map { "<th><a href=\"\(Markup.escape($0.directory))/index.html\">\(Markup.escape($0.strategy))</a></th>" }.joined()
      + "</tr>"
    let verdicts = "<tr><th>verdict</th>" + runs.map { "<td>\(HTMLPage.badge($0.verdict))</td>" }.joined() + "</tr>"
    let body = rows.map { row in
      "<tr><th>\(Markup.escape(row.label))</th>"
        + runs.map { "<td class=\"num\">\(Markup.escape(row.value($0.metrics)))</td>" }.joined() + "</tr>"
    }
    return "<table class=\"metrics\">\n" + ([head, verdicts] + body).joined(separator: "\n") + "\n</table>"
  }
}

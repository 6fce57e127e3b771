/// compare.html (index.html of a suite): the verdict and the counts first, a legend of the cell
/// shorthand, the matrix with every cell a link to its run's page, the runs that did not come
/// out as expected, the failing checks grouped by scenario and check, and the metrics of each
/// scenario's runs side by side.
enum MatrixPage {
  /// The page.
  static func html(_ entries: [MatrixEntry]) -> String {
    let (scenarios, strategies) = MatrixReport.axes(entries)
    let rows = scenarios.map { scenario -> [String] in
      let description = entries.first { $0.scenario == scenario }?.description ?? ""
      return ["<span title=\"\(Markup.escape(description))\">\(Markup.escape(scenario))</span>"]
        + strategies.map { strategy in
          entries.first { $0.scenario == scenario && $0.strategy == strategy }.map(cell) ?? ""
        }
    }
    let body = """
      <h1>tokensim: \(scenarios.count == 1 ? Markup.escape(scenarios[0]) : "\(scenarios.count) scenarios") × \(strategies.count) strategies</h1>
      <div class="meta">tokensim \(TokenSim.version) · every cell links to its run's report</div>
      \(MatrixVerdict.html(entries))\(unexpectedHTML(entries))\(MatrixLegend.html(entries))
      <h2>Matrix</h2>
      \(matrixTable(header: ["scenario"] + strategies, rows: rows))
      \(variantsHTML(entries))\(configurationsHTML(entries))\(problemsHTML(entries))\(MatrixMetricTable.html(entries))
      """
    return HTMLPage.document(title: "tokensim \(MatrixVerdict.title(entries))", body: body)
  }

  /// A matrix table: the scenario column, then cells that carry their own `<td>`.
  static func matrixTable(header: [String], rows: [[String]]) -> String {
    let head = "<tr>" + header.map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr>"
    let body = rows.map { row in
      "<tr><td>\(row[0])</td>" + row.dropFirst().map { $0.isEmpty ? "<td></td>" : $0 }.joined() + "</tr>"
    }
    return "<table class=\"matrix\">\n" + ([head] + body).joined(separator: "\n") + "\n</table>"
  }

  /// A whole cell as a link to the run's page: the verdict, the figure, and a loud UNEXPECTED
  /// with what differed when the scenario expected otherwise.
  static func cell(_ entry: MatrixEntry) -> String {
    let unexpected = entry.isUnexpected
    let classes = "cell cell-\(entry.verdict.rawValue)" + (unexpected ? " unexpected" : "")
    let tip =
      unexpected ? "NOT as expected: " + (entry.unmet ?? []).joined(separator: "; ") : "\(entry.scenario) × \(entry.strategy)"
    let flag = unexpected ? "<span class=\"flag\">UNEXPECTED</span>" : ""
    return "<td class=\"\(classes)\"><a class=\"cell\" href=\"\(Markup.escape(entry.directory))/index.html\" "
      + "title=\"\(Markup.escape(tip))\">\(HTMLPage.badge(entry.verdict))\(Markup.escape(entry.figure))\(flag)</a></td>"
  }

  private static func variantsHTML(_ entries: [MatrixEntry]) -> String {
    let variants = entries.filter(\.isVariant)
    guard !variants.isEmpty else { return "" }
    let rows = variants.map { [Markup.escape($0.scenario), Markup.escape($0.strategy), cell($0)] }
    return "<h2>Variants of a scenario</h2>\n" + matrixTable(header: ["scenario", "variant", "result"], rows: rows) + "\n"
  }

  private static func unexpectedHTML(_ entries: [MatrixEntry]) -> String {
    let unexpected = entries.filter(\.isUnexpected)
    guard !unexpected.isEmpty else { return "" }
    let items = unexpected.flatMap { entry in
      (entry.unmet ?? []).map {
        "<li><a href=\"\(Markup.escape(entry.directory))/index.html\">\(Markup.escape("\(entry.scenario) × \(entry.strategy)"))</a>: "
          + "\(Markup.escape($0))</li>"
      }
    }
    return "<div class=\"unexpected-list\"><h2>Did not come out as expected</h2>\n<ul>\n"
      + items.joined(separator: "\n") + "\n</ul></div>\n"
  }

  private static func configurationsHTML(_ entries: [MatrixEntry]) -> String {
    let configured = MatrixReport.configurations(entries)
    guard !configured.isEmpty else { return "" }
    return "<h2>Configured strategies</h2>\n<ul>\n" + configured.map { "<li>\(Markup.escape($0))</li>" }.joined(separator: "\n")
      + "\n</ul>\n"
  }

  /// The failing checks: a collapsible block per scenario (open when there is one), a table in
  /// it with a row group per check.
  private static func problemsHTML(_ entries: [MatrixEntry]) -> String {
    let groups = MatrixProblems.groups(entries)
    guard !groups.isEmpty else { return "" }
    let open = groups.count == 1 ? " open=\"open\"" : ""
    let blocks = groups.map { scenario in
      "<details class=\"problems\"\(open)><summary><b>\(Markup.escape(scenario.scenario))</b>: "
        + "\(Markup.escape(MatrixProblems.summary(scenario.checks)))</summary>\n"
        + problemTable(scenario.checks) + "\n</details>"
    }
    return "<h2>Failing checks, by scenario and check</h2>\n" + blocks.joined(separator: "\n") + "\n"
  }

  private static func problemTable(_ groups: [MatrixProblems.Group]) -> String {
    let head = "<tr><th>check</th><th>strategy</th><th>verdict</th><th>observed</th><th>threshold</th><th>evidence</th></tr>"
    let rows = groups.flatMap { group in
      group.runs.enumerated().map { index, run in
        let check = index == 0 ? "<th class=\"check\" rowspan=\"\(group.runs.count)\">\(Markup.escape(group.check))</th>" : ""
        return
          "<tr>\(check)<td><a href=\"\(Markup.escape(run.entry.directory))/index.html\">\(Markup.escape(run.entry.strategy))</a></td>"
          + "<td>\(HTMLPage.badge(run.result.verdict))</td>"
          + "<td class=\"num\">\(Markup.escape(ReportText.value(run.result.observed, of: group.check)))</td>"
          + "<td class=\"num\">\(Markup.escape(ReportText.threshold(run.result)))</td>"
          + "<td>\(Markup.escape(ReportText.evidence(run.result.evidence)))</td></tr>"
      }
    }
    return "<table class=\"problems\">\n" + ([head] + rows).joined(separator: "\n") + "\n</table>"
  }
}

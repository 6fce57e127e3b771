/// The legend of a matrix page: how to read a cell (`PASS 99.1%`, `FAIL revoked 1 +5`,
/// UNEXPECTED) and what each check's short name in a cell stands for.
enum MatrixLegend {
  /// The checks whose short names appear in `entries`' cells, in catalogue order (all of them
  /// when none fails, so the legend never comes out empty).
  static func shownChecks(_ entries: [MatrixEntry]) -> [ConformanceCheck] {
    let shown = Set(entries.compactMap { $0.problems.first?.id })
    let checks = CheckCatalog.all.filter { shown.contains($0.id) }
    return checks.isEmpty ? CheckCatalog.all : checks
  }

  /// The legend's HTML.
  static func html(_ entries: [MatrixEntry]) -> String {
    let names = shownChecks(entries).map { check in
      "<dt>\(Markup.escape(check.label))</dt><dd title=\"\(Markup.escape(check.summary))\">\(Markup.escape(check.id))</dd>"
    }
    return """
      <div class="legend">
      <h2>How to read a cell</h2>
      <p><span class="badge pass">PASS</span>99.1%: every check passed; the figure is the share of API calls that succeeded (availability).</p>
      <p><span class="badge fail">FAIL</span>revoked 1 +5: the first check that failed or could not decide, by its short name below, with its observed value (1 family revoked); +5: five more checks failed or could not decide. A value is a count, a share of calls or time, a ratio (×) or a duration. The short names (hover for what each check asks):</p>
      <p><span class="badge unknown">UNKNOWN</span>a check could not decide (the run ended too soon to tell). <span class="flag">UNEXPECTED</span>: the scenario's <code>expect</code> section said otherwise; hover for what differed. Every cell links to its run's report.</p>
      <dl>
      \(names.joined(separator: "\n"))
      </dl>
      </div>

      """
  }
}

import Foundation

/// index.html of one run: the verdict, the account, the checks, the timeline and the metrics on
/// one self-contained page.
public enum HTMLReport {
  /// The page for `result`; `matrixPage`, the path of the matrix page relative to the run's
  /// directory (`../../index.html`), adds a link back to it at the top.
  public static func page(_ result: RunResult, matrixPage: String? = nil) -> String {
    page(result, matrixPage: matrixPage, timeline: TimelineSVG.svg(result))
  }

  /// The page for `result` around `timeline`, the run's timeline.svg already drawn.
  static func page(_ result: RunResult, matrixPage: String?, timeline: String) -> String {
    let analysis = result.analysis
    let title = "\(result.scenario.name) × \(result.strategyName)"
    let checks = analysis.checks.map { check in
      [
        Markup.escape(check.id), HTMLPage.badge(check.verdict), Markup.escape(ReportText.value(check.observed, of: check.id)),
        Markup.escape(ReportText.threshold(check)), Markup.escape(ReportText.evidence(check.evidence)),
      ]
    }
    let metrics = ReportText.keyMetrics(result.metrics).map { [Markup.escape($0.0), Markup.escape($0.1)] }
    let body = """
      \(backLink(matrixPage))<h1>\(HTMLPage.badge(analysis.verdict))\(Markup.escape(title))</h1>
      <div class="meta">Seed \(result.seed) · \(Markup.escape(DurationText.approximate(.init(microseconds: result.simulated.microseconds)))) simulated · \(Figures.grouped(result.eventsProcessed)) events · tokensim \(TokenSim.version)</div>
      \(configuration(result))<p>\(Markup.escape(result.scenario.description))</p>
      <p class="account">\(Markup.escape(RunAccount.text(result)))</p>
      <h2>Checks</h2>
      \(HTMLPage.table(header: ["check", "verdict", "observed", "threshold", "evidence"], rows: checks, numeric: [2, 3]))
      <h2>Timeline</h2>
      <div class="chart">
      \(inlineSVG(timeline))
      </div>
      <h2>Metrics</h2>
      \(HTMLPage.table(header: ["metric", "value"], rows: metrics))
      <p class="meta">Every figure is computed from the run's trace; report.json holds them all, with the timeline buckets.</p>
      """
    return HTMLPage.document(title: "\(ReportText.verdict(analysis.verdict)) \(title)", body: body)
  }

  /// The link back to the matrix, when the run is one of a matrix's.
  static func backLink(_ matrixPage: String?) -> String {
    guard let matrixPage else { return "" }
    return "<nav class=\"back\"><a href=\"\(Markup.escape(matrixPage))\">← the matrix of every scenario and strategy</a></nav>\n"
  }

  /// The configured strategy's base and overrides as a line of its own; nothing for a built-in
  /// strategy at its defaults.
  static func configuration(_ result: RunResult) -> String {
    guard let configuration = result.configuration else { return "" }
    return "<p class=\"meta\">Strategy <code>\(Markup.escape(result.strategyName))</code>: "
      + "\(Markup.escape(configuration.description)).</p>\n"
  }

  /// An SVG document made fit to sit inside HTML: no XML namespace declaration (HTML knows `svg`).
  /// `TimelineSVG` declares it in its first tag only (any text after is escaped).
  static func inlineSVG(_ svg: String) -> String {
    let declaration = " xmlns=\"http://www.w3.org/2000/svg\""
    guard let range = svg.range(of: declaration) else { return svg }
    var inline = svg
    inline.removeSubrange(range)
    return inline
  }
}

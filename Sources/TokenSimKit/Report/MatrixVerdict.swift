/// The first thing a matrix page says: whether every run came out as its scenario's `expect`
/// section says (or, without expectations, whether every run passed), and the counts behind it.
enum MatrixVerdict {
  /// Whether the matrix is good news: every judged run as expected, or, with nothing judged,
  /// every run passing.
  static func isGood(_ entries: [MatrixEntry]) -> Bool {
    entries.contains { $0.unmet != nil } ? !entries.contains(where: \.isUnexpected) : entries.allSatisfy { $0.verdict == .pass }
  }

  /// The page title: `all as expected`, `3 runs NOT as expected`, `all pass`, `5 runs fail`.
  static func title(_ entries: [MatrixEntry]) -> String {
    let judged = entries.filter { $0.unmet != nil }
    if !judged.isEmpty {
      let unexpected = judged.filter(\.isUnexpected).count
      return unexpected == 0 ? "matrix: all as expected" : "matrix: \(RunAccount.count(unexpected, "run")) NOT as expected"
    }
    let failing = entries.filter { $0.verdict != .pass }.count
    return failing == 0 ? "matrix: all pass" : "matrix: \(RunAccount.count(failing, "run")) did not pass"
  }

  /// The headline sentence.
  static func headline(_ entries: [MatrixEntry]) -> String {
    let judged = entries.filter { $0.unmet != nil }
    guard !judged.isEmpty else {
      let failing = entries.filter { $0.verdict != .pass }.count
      return failing == 0
        ? "All \(RunAccount.count(entries.count, "run")) passed every check."
        : "\(Figures.grouped(failing)) of \(RunAccount.count(entries.count, "run")) did not pass (no scenario has an expect section)."
    }
    let unexpected = judged.filter(\.isUnexpected).count
    return unexpected == 0
      ? "As expected: all \(RunAccount.count(judged.count, "run")) came out as their scenarios' expect sections say."
      : "NOT as expected: \(Figures.grouped(unexpected)) of \(RunAccount.count(judged.count, "run")) did not come out as their scenarios' expect sections say."
  }

  /// The counts: runs by verdict, scenarios, strategies, variants and failing checks.
  static func counts(_ entries: [MatrixEntry]) -> String {
    let (scenarios, strategies) = MatrixReport.axes(entries)
    let variants = entries.filter(\.isVariant).count
    let verdicts = [CheckVerdict.pass, .fail, .unknown].map { verdict in
      "\(Figures.grouped(entries.filter { $0.verdict == verdict }.count)) \(verdict.rawValue)"
    }
    let problems = entries.map(\.problems.count).reduce(0, +)
    return "\(RunAccount.count(entries.count, "run")) (\(RunAccount.count(scenarios.count, "scenario")) × "
      + "\(RunAccount.count(strategies.count, "strategy")), \(RunAccount.count(variants, "variant"))): "
      + verdicts.joined(separator: " · ") + " · \(RunAccount.count(problems, "failing or undecided check"))"
  }

  /// The banner at the top of the page.
  static func html(_ entries: [MatrixEntry]) -> String {
    let tone = isGood(entries) ? "good" : "bad"
    let judged = entries.contains { $0.unmet != nil }
    let note =
      judged
      ? "<p class=\"meta\">A failing check is not a surprise where the scenario expects the strategy to fail: "
        + "the verdict above is whether every run came out as its scenario's <code>expect</code> section says.</p>\n" : ""
    return "<div class=\"verdict \(tone)\"><div class=\"headline\">\(Markup.escape(headline(entries)))</div>"
      + "<div class=\"counts\">\(Markup.escape(counts(entries)))</div></div>\n" + note
  }
}

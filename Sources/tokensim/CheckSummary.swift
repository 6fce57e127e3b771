import TokenSimKit

/// The Markdown `tokensim check` prints: the gate's verdict, a row per scenario, then every
/// failing check with its evidence and every regression.
struct CheckSummary {
  let entries: [MatrixEntry]
  let strategy: StrategyChoice
  let baseline: String?
  /// Whether a scenario without a baseline report passes (`--allow-new`).
  let allowsNew: Bool
  /// Per scenario, what the baseline comparison found; nil without --baseline.
  let outcomes: [String: BaselineOutcome]?
  let out: String
  /// Where the baseline was recorded (`--record-baseline`), if it was.
  let recorded: String?

  var regressionCount: Int { outcomes?.values.reduce(0) { $0 + $1.regressions.count } ?? 0 }

  /// Scenarios the baseline has no report for.
  var newCount: Int { outcomes?.values.count { if case .noReport = $0 { true } else { false } } ?? 0 }

  /// Scenarios without a baseline report that fail the gate (all of them, unless `--allow-new`).
  var missingCount: Int { allowsNew ? 0 : newCount }

  var passed: Bool { entries.allSatisfy { $0.verdict == .pass } && regressionCount == 0 && missingCount == 0 }

  var failureLine: String {
    let failing = entries.filter { $0.verdict != .pass }.count
    var line = "check failed: \(failing) scenario(s) with failing or undecided checks, \(regressionCount) regression(s)"
    if missingCount > 0 {
      line += ", \(missingCount) scenario(s) without a baseline report (give --allow-new if they are new)"
    }
    return line
  }

  var markdown: String {
    var lines = [
      "# tokensim check: \(passed ? "PASS" : "FAIL")", "",
      "Strategy `\(strategy.name)`" + (strategy.configuration.map { " (\($0.description))" } ?? "")
        + " on \(entries.count) scenario(s)"
        + (baseline.map { ", compared with the baseline in `\($0)`" } ?? "") + ". Reports in `\(out)/`."
        + (recorded.map { " Baseline recorded in `\($0)/`." } ?? ""), "",
      "| scenario | verdict | failing checks | regressions |", "|---|---|---|---|",
    ]
    for entry in entries {
      let failing = entry.problems.map(\.id).joined(separator: ", ")
      lines.append("| \(entry.scenario) | \(entry.verdict.rawValue) | \(failing) | \(regressionCell(entry.scenario)) |")
    }
    let problems = MatrixReport.problems(entries)
    if !problems.isEmpty { lines += ["", "## Failing checks", ""] + problems.map { "- " + $0 } }
    let regressed = entries.flatMap { entry in
      (outcomes?[entry.scenario]?.regressions ?? []).map { "- \(entry.scenario): \($0.description)" }
    }
    if !regressed.isEmpty { lines += ["", "## Regressions against the baseline", ""] + regressed }
    return lines.joined(separator: "\n") + "\n"
  }

  private func regressionCell(_ scenario: String) -> String {
    switch outcomes?[scenario] {
    case nil: return "not compared"
    case .noReport: return allowsNew ? "no baseline report (new, allowed)" : "no baseline report: fails the gate"
    case .compared(let list): return list.isEmpty ? "none" : list.map(\.metric).joined(separator: ", ")
    }
  }
}

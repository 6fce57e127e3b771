/// The failing and undecided checks of a matrix grouped by scenario, then by check, so that a
/// reader finds "which strategies fail no-thrash on shared-file-thrash" without reading them all.
public enum MatrixProblems {
  /// One check of one scenario and the runs it failed or could not decide in.
  public struct Group: Sendable {
    /// The check's id.
    public var check: String
    /// The runs, in matrix order, each with the check's result.
    public var runs: [(entry: MatrixEntry, result: CheckResult)]
  }

  /// Per scenario (in matrix order) its groups, in check-catalogue order.
  public static func groups(_ entries: [MatrixEntry]) -> [(scenario: String, checks: [Group])] {
    let (scenarios, _) = MatrixReport.axes(entries)
    return scenarios.compactMap { scenario in
      let runs = entries.filter { $0.scenario == scenario }
      let checks = CheckCatalog.all.map(\.id).compactMap { id -> Group? in
        let failing = runs.compactMap { entry in entry.problems.first { $0.id == id }.map { (entry, $0) } }
        return failing.isEmpty ? nil : Group(check: id, runs: failing)
      }
      return checks.isEmpty ? nil : (scenario, checks)
    }
  }

  /// compare.md's section: a heading per scenario, an item per check with its threshold, and a
  /// sub-item per run with its verdict, observed value and evidence.
  static func markdown(_ groups: [(scenario: String, checks: [Group])]) -> [String] {
    groups.flatMap { scenario -> [String] in
      ["", "### \(scenario.scenario)", ""]
        + scenario.checks.flatMap { group -> [String] in
          let threshold = group.runs.first.map { ReportText.threshold($0.result) } ?? "off"
          return ["- `\(group.check)` (\(threshold))"]
            + group.runs.map { run in
              "  - \(run.entry.strategy): \(run.result.verdict.rawValue) \(ReportText.value(run.result.observed, of: group.check))"
                + evidence(run.result)
            }
        }
    }
  }

  /// `: ` and the evidence, or nothing without one.
  static func evidence(_ result: CheckResult) -> String {
    let text = ReportText.evidence(result.evidence)
    return text.isEmpty ? "" : ": " + text
  }

  /// A one-line summary of a scenario's groups: `2 failing checks in 3 runs: no-thrash ×1, …`.
  static func summary(_ checks: [Group]) -> String {
    let total = checks.map(\.runs.count).reduce(0, +)
    let runs = Set(checks.flatMap { $0.runs.map(\.entry.strategy) }).count
    let list = checks.map { "\($0.check) ×\(Figures.grouped($0.runs.count))" }.joined(separator: ", ")
    return "\(RunAccount.count(total, "failing or undecided check")) in \(RunAccount.count(runs, "run")): \(list)"
  }
}

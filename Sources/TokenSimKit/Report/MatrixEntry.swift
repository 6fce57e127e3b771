/// One cell of a scenario × strategy matrix: what `compare`, `check` and `suite` keep of a run
/// once its own reports are written (the trace is not kept). Codable, so that shards of a matrix
/// run on different machines can be merged into the reports one run would have written.
public struct MatrixEntry: Codable, Sendable {
  /// The scenario's name.
  public var scenario: String
  /// The scenario's description.
  public var description: String
  /// The strategy's name.
  public var strategy: String
  /// How the strategy differs from its built-in base; nil for a built-in one at its defaults.
  public var configuration: StrategyConfiguration?
  /// The run's verdict.
  public var verdict: CheckVerdict
  /// Every check's result.
  public var checks: [CheckResult]
  /// The run's metrics.
  public var metrics: RunMetrics
  /// The testcases of the run for junit.xml.
  public var cases: [JUnitReport.Case]
  /// Whether the strategy is one of the scenario's own variants rather than a built-in one.
  public var isVariant: Bool
  /// What did not come out as the scenario's `expect` section says; nil when it expects nothing
  /// of this strategy.
  public var unmet: [String]?

  /// The entry of `result`.
  public init(_ result: RunResult) {
    scenario = result.scenario.name
    description = result.scenario.description
    strategy = result.strategyName
    configuration = result.configuration
    verdict = result.analysis.verdict
    checks = result.analysis.checks
    metrics = result.metrics
    cases = JUnitReport.cases(result)
    isVariant = result.scenario.variants.contains { $0.name == result.strategyName }
    unmet = result.scenario.expectations?.mismatches(
      for: result.strategyName, verdict: result.analysis.verdict, checks: result.analysis.checks, metrics: result.metrics)
  }

  /// Checks that failed or could not decide.
  public var problems: [CheckResult] { checks.filter { $0.verdict == .fail || $0.verdict == .unknown } }

  /// The most telling figure: availability when nothing failed, else the first failing check's
  /// label and observed value and how many more failed (`thrash 145 +1`).
  public var figure: String {
    guard let first = problems.first else { return Figures.percent(metrics.availability) }
    let label = CheckCatalog.check(first.id)?.label ?? first.id
    let more = problems.count > 1 ? " +\(problems.count - 1)" : ""
    return "\(label) \(ReportText.value(first.observed, of: first.id))\(more)"
  }

  /// The cell text: the verdict and the figure (`pass 99.1%`, `fail thrash 145`), marked `!`
  /// when the scenario expected otherwise.
  public var cell: String { (isUnexpected ? "!" : "") + "\(verdict.rawValue) \(figure)" }

  /// Whether the scenario's `expect` section was not met.
  public var isUnexpected: Bool { !(unmet?.isEmpty ?? true) }

  /// Where its reports are, relative to the matrix's output directory.
  public var directory: String { "\(scenario)/\(strategy)" }
}

/// Everything a report says about one run, computed from its trace alone: the metrics, the
/// timeline, the checks and the verdict.
public struct RunAnalysis: Sendable {
  /// Figures.
  public var metrics: RunMetrics
  /// The run in time buckets.
  public var timeline: Timeline
  /// The deciding events.
  public var findings: RunFindings
  /// Every built-in check, in catalog order.
  public var checks: [CheckResult]
  /// The worst verdict of the checks.
  public var verdict: CheckVerdict

  /// Analyzes `trace`, a run of `duration`, judging the checks with `settings`.
  public init(trace: [TraceEvent], duration: SimDuration, settings: CheckSettings) {
    var analyzer = TraceAnalyzer(duration: duration)
    for event in trace { analyzer.observe(event) }
    self.init(analyzer: analyzer, settings: settings)
  }

  /// Finishes a copy of `analyzer`, which has observed the trace so far.
  init(analyzer: TraceAnalyzer, settings: CheckSettings) {
    var analyzer = analyzer
    self.init(finished: analyzer.finish(), settings: settings)
  }

  /// Judges the checks on what a finished analyzer gave.
  init(finished: (RunMetrics, Timeline, RunFindings), settings: CheckSettings) {
    (metrics, timeline, findings) = finished
    checks = CheckCatalog.judge(metrics, findings, settings: settings)
    verdict = CheckVerdict.worst(of: checks.map(\.verdict))
  }
}

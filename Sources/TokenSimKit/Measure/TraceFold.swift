/// A trace measured as it happens by a driver other than `Simulation` (the live server), which
/// cannot keep every event: the same fold `World` feeds, so the reports judge a live run exactly
/// as they judge a simulated one, with memory that does not grow with the number of events.
///
/// ```swift
/// var fold = TraceFold(duration: .hours(1))
/// fold.observe(TraceEvent(time: .start, kind: .securityEvent(host: nil)))
/// let analysis = fold.analysis(settings: scenario.checks)
/// ```
public struct TraceFold {
  private var analyzer: TraceAnalyzer
  /// Events observed so far.
  public private(set) var count = 0

  /// A fold whose timeline spans `duration` (later events land in its last bucket).
  public init(duration: SimDuration) { analyzer = TraceAnalyzer(duration: duration) }

  /// Measures `event`, which is not earlier than the events before it.
  public mutating func observe(_ event: TraceEvent) {
    analyzer.observe(event)
    count += 1
  }

  /// Metrics, timeline, checks and verdict of the trace so far, judged with `settings`; the fold
  /// goes on.
  public func analysis(settings: CheckSettings) -> RunAnalysis { RunAnalysis(analyzer: analyzer, settings: settings) }
}

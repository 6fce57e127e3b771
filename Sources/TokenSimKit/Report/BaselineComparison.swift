import Foundation

/// Compares a run's metrics with a baseline report.json: which compared metrics got worse beyond
/// their tolerance.
public enum BaselineComparison {
  /// One regressed metric.
  public struct Regression: Equatable, Sendable {
    /// The metric's key.
    public var metric: String
    /// Its baseline value (nil: null in the baseline).
    public var baseline: Double?
    /// Its value now (nil: null now).
    public var value: Double?
    /// The tolerance that was exceeded, as text.
    public var tolerance: String

    /// `tokenRequests 3 → 10 (tolerance 10%)`.
    public var description: String {
      "\(metric) \(baseline.map(Figures.trimmed) ?? "null") → \(value.map(Figures.trimmed) ?? "null") (tolerance \(tolerance))"
    }
  }

  /// The regressions of `metrics` against the baseline report.json `data`; nil when the data is
  /// not a report.
  public static func regressions(_ metrics: RunMetrics, baseline data: Data, tolerances: [MetricTolerance]) -> [Regression]? {
    guard let baseline = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
      let old = baseline["metrics"] as? [String: Any],
      let new = (try? JSONSerialization.jsonObject(with: JSONEncoder().encode(metrics))) as? [String: Any]
    else { return nil }
    return tolerances.compactMap { tolerance in
      let (before, now) = (number(old, tolerance.metric), number(new, tolerance.metric))
      guard tolerance.regressed(now, from: before) else { return nil }
      return Regression(metric: tolerance.metric, baseline: before, value: now, tolerance: tolerance.allowanceText)
    }
  }

  /// The number at a dotted key path, nil when absent or null.
  private static func number(_ object: [String: Any], _ path: String) -> Double? {
    var current: Any? = object
    for key in path.split(separator: ".") { current = (current as? [String: Any])?[String(key)] }
    if let bool = current as? Bool { return bool ? 1 : 0 }
    return (current as? NSNumber)?.doubleValue
  }
}

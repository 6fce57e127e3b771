import Foundation

/// Every metric of a run as a number under a dotted name (`retryAfterViolations.perProcess`,
/// `tokenRequestsByOutcome.ok`), so that an `expect` section can bound any of them. A metric that
/// is JSON `null` in report.json (never happened) is nil; a `true` is 1.
public enum MetricValues {
  /// The metric values of `metrics`.
  public static func of(_ metrics: RunMetrics) -> [String: Double?] {
    var values: [String: Double?] = [:]
    for outcome in outcomes { values["tokenRequestsByOutcome." + outcome] = 0 }
    guard let data = try? JSONEncoder().encode(metrics),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return values }
    flatten(object, prefix: "", into: &values)
    return values
  }

  /// The names an expectation may bound.
  public static let names: [String] = of(RunMetrics()).keys.sorted()

  private static let outcomes = TokenOutcome.allCases.map(\.rawValue) + ["noReply"]

  private static func flatten(_ object: [String: Any], prefix: String, into values: inout [String: Double?]) {
    for (key, value) in object {
      let name = prefix + key
      switch value {
      case let nested as [String: Any]: flatten(nested, prefix: name + ".", into: &values)
      case let number as NSNumber: values[name] = number.doubleValue
      default: values[name] = .some(nil)
      }
    }
  }
}

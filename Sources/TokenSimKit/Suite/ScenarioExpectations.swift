/// A scenario's `expect` section: what built-in strategies and variants of the scenario must get.
/// It may name only some of them; `tokensim suite` refuses to run a built-in strategy or variant
/// that a scenario with an `expect` section has no expectation for (`MatrixRun.missingExpectations`),
/// so a new strategy or variant cannot slip through unexamined.
public struct ScenarioExpectations: Equatable, Sendable {
  /// The expectation of each strategy or variant, by name.
  public var runs: [String: RunExpectation]

  /// Expectations in code.
  public init(runs: [String: RunExpectation]) { self.runs = runs }

  /// Reads `expect`, given the names it may cover (built-in strategies, then the variants).
  init(reading reader: JSONReader, names: [String]) throws(ScenarioError) {
    let object = try reader.object(keys: names)
    runs = [:]
    for name in names {
      guard let member = object.optional(name) else { continue }
      runs[name] = try RunExpectation(reading: member)
    }
  }

  /// What did not come out as expected for `name`'s run, one sentence each: empty when all did,
  /// nil when nothing is expected of `name`.
  public func mismatches(
    for name: String, verdict: CheckVerdict, checks: [CheckResult], metrics: RunMetrics
  ) -> [String]? {
    guard let expected = runs[name] else { return nil }
    var found: [String] = []
    if verdict != expected.verdict { found.append("verdict \(verdict.rawValue), expected \(expected.verdict.rawValue)") }
    let failing = checks.filter { $0.verdict == .fail || $0.verdict == .unknown }.map(\.id).sorted()
    if let wanted = expected.failing, wanted != failing {
      found.append("failing checks [\(failing.joined(separator: ", "))], expected [\(wanted.joined(separator: ", "))]")
    }
    let values = MetricValues.of(metrics)
    for bound in expected.metrics {
      let value = values[bound.metric] ?? nil
      guard !bound.holds(for: value) else { continue }
      found.append("\(bound.metric) \(value.map(Figures.trimmed) ?? "null"), expected \(bound.text)")
    }
    guard !found.isEmpty, let because = expected.because else { return found }
    return found.map { "\($0) (\(because))" }
  }
}

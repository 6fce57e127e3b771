/// A scenario's `expect` section: what every built-in strategy and every variant of the scenario
/// must get. When present it names each of them, so a new strategy or variant cannot slip
/// through unexamined.
public struct ScenarioExpectations: Equatable, Sendable {
  /// The expectation of each strategy or variant, by name.
  public var runs: [String: RunExpectation]

  /// Expectations in code.
  public init(runs: [String: RunExpectation]) { self.runs = runs }

  /// Reads `expect`, given the names it must cover (built-in strategies, then the variants).
  init(reading reader: JSONReader, names: [String]) throws(ScenarioError) {
    let object = try reader.object(keys: names)
    runs = [:]
    for name in names {
      guard let member = object.optional(name) else { continue }
      runs[name] = try RunExpectation(reading: member)
    }
    let missing = names.filter { runs[$0] == nil }
    guard missing.isEmpty else {
      let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
      throw reader.error(expected: "an expectation for every built-in strategy and variant; missing \(list)")
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

/// What one strategy must get on a scenario: its verdict, optionally exactly which checks fail,
/// and bounds on metrics that make the reproduction specific.
///
/// ```json
/// "naive": {
///   "verdict": "fail",
///   "failing": ["bounded-amplification", "no-thrash"],
///   "metrics": { "mostRestartsInAnHour": { "min": 130, "max": 150 }, "familyRevocations": 0 },
///   "because": "every CLI invocation, about every 25 s, restarts the daemon's loop"
/// }
/// ```
///
/// A plain string (`"naive": "pass"`) expects only the verdict.
public struct RunExpectation: Equatable, Sendable {
  /// The verdict the run must get.
  public var verdict: CheckVerdict
  /// When set, exactly the checks that must fail or be unknown (sorted).
  public var failing: [String]?
  /// Bounds on metrics.
  public var metrics: [MetricBound]
  /// Why this is the expected outcome, shown when it is not met.
  public var because: String?

  /// An expectation in code.
  public init(verdict: CheckVerdict, failing: [String]? = nil, metrics: [MetricBound] = [], because: String? = nil) {
    self.verdict = verdict
    self.failing = failing?.sorted()
    self.metrics = metrics
    self.because = because
  }

  static let keys = ["verdict", "failing", "metrics", "because"]

  init(reading reader: JSONReader) throws(ScenarioError) {
    if case .string = reader.node.value {
      self.init(verdict: try Self.verdict(reader))
      return
    }
    let object = try reader.object(keys: Self.keys)
    let failing = try object.optional("failing").map(Self.checkList)
    let verdict = try Self.verdict(object.required("verdict", expected: "\"pass\", \"fail\" or \"unknown\""))
    if verdict == .pass, let failing, !failing.isEmpty, let reader = object.optional("failing") {
      throw reader.error(expected: "no failing checks when the verdict is \"pass\"")
    }
    self.init(
      verdict: verdict, failing: failing, metrics: try object.optional("metrics").map(MetricBound.list) ?? [],
      because: try object.optional("because")?.string())
  }

  private static func verdict(_ reader: JSONReader) throws(ScenarioError) -> CheckVerdict {
    try reader.choice([("pass", CheckVerdict.pass), ("fail", .fail), ("unknown", .unknown)])
  }

  private static func checkList(_ reader: JSONReader) throws(ScenarioError) -> [String] {
    let ids = CheckCatalog.all.map(\.id)
    return try reader.array(maximumCount: ids.count).map { element throws(ScenarioError) in
      try element.choice(ids.map { ($0, $0) })
    }
  }
}

/// A bound on one metric: a range, or an exact value (`null` for one that must never happen).
public struct MetricBound: Equatable, Sendable {
  /// The dotted metric name (`MetricValues.names`).
  public var metric: String
  /// The smallest value allowed.
  public var min: Double?
  /// The largest value allowed.
  public var max: Double?
  /// Whether the metric must be null (it never happened: no alert, never converged).
  public var mustBeNull = false

  /// A bound in code.
  public init(_ metric: String, min: Double? = nil, max: Double? = nil, mustBeNull: Bool = false) {
    self.metric = metric
    self.min = min
    self.max = max
    self.mustBeNull = mustBeNull
  }

  /// Whether `value` is within the bound.
  public func holds(for value: Double?) -> Bool {
    guard let value else { return mustBeNull }
    guard !mustBeNull else { return false }
    return (min.map { value >= $0 } ?? true) && (max.map { value <= $0 } ?? true)
  }

  /// The bound in words: `= 0`, `null`, `≥ 130`, `130…150`.
  public var text: String {
    if mustBeNull { return "null" }
    switch (min, max) {
    case (let low?, let high?):
      return low == high ? "= \(Figures.trimmed(low))" : "\(Figures.trimmed(low))…\(Figures.trimmed(high))"
    case (let low?, nil): return "≥ \(Figures.trimmed(low))"
    case (nil, let high?): return "≤ \(Figures.trimmed(high))"
    case (nil, nil): return "any"
    }
  }

  static func list(_ reader: JSONReader) throws(ScenarioError) -> [MetricBound] {
    guard case .object(let members) = reader.node.value else { throw reader.error(expected: "an object of metric bounds") }
    var bounds: [MetricBound] = []
    for member in members {
      let child = JSONReader(node: member.node, path: reader.path + "." + member.key, file: reader.file)
      guard MetricValues.names.contains(member.key) else {
        throw ScenarioError(
          file: reader.file, path: child.path, line: member.node.line,
          expected: "a metric of report.json (such as tokenRequests, mostRestartsInAnHour or retryAfterViolations.perProcess)",
          found: "\"\(member.key)\"", suggestion: Spelling.closest(to: member.key, among: MetricValues.names))
      }
      bounds.append(try bound(member.key, child))
    }
    return bounds.sorted { $0.metric < $1.metric }
  }

  private static func bound(_ metric: String, _ reader: JSONReader) throws(ScenarioError) -> MetricBound {
    let expectation = "a number, null, or {\"min\": x, \"max\": y}"
    switch reader.node.value {
    case .null: return MetricBound(metric, mustBeNull: true)
    case .number(let value, _): return MetricBound(metric, min: value, max: value)
    case .bool(let flag): return MetricBound(metric, min: flag ? 1 : 0, max: flag ? 1 : 0)
    case .object:
      let object = try reader.object(keys: ["min", "max"])
      let low = try object.optional("min")?.number(in: -1e15...1e15)
      let high = try object.optional("max")?.number(in: -1e15...1e15)
      guard low != nil || high != nil else { throw reader.error(expected: expectation) }
      if let low, let high, low > high { throw reader.error(expected: "a min no larger than its max") }
      return MetricBound(metric, min: low, max: high)
    default: throw reader.error(expected: expectation)
    }
  }
}

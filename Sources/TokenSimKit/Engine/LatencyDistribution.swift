import Foundation

/// A distribution of delays: fixed, uniform, or lognormal with a cap (WireMock's shapes).
public enum LatencyDistribution: Equatable, Sendable {
  /// Always `duration`.
  case fixed(SimDuration)
  /// Uniform between the bounds, inclusive.
  case uniform(SimDuration, SimDuration)
  /// Lognormal with the given median and sigma, never above `maximum`.
  case lognormal(median: SimDuration, sigma: Double, maximum: SimDuration)

  /// One draw.
  public func sample(_ random: inout RandomStream) -> SimDuration {
    switch self {
    case .fixed(let duration): return duration
    case .uniform(let lower, let upper): return random.duration(between: lower, and: upper)
    case .lognormal(let median, let sigma, let maximum):
      let value = Double(median.microseconds) * exp(sigma * random.normal())
      return min(maximum, SimDuration(saturatingMicroseconds: value))
    }
  }
}

extension LatencyDistribution {
  /// Reads `"100ms"`, `{"uniform": ["1s", "3s"]}` or
  /// `{"lognormal": {"median": "200ms", "sigma": 0.5, "max": "10s"}}`.
  public init(reading reader: JSONReader) throws(ScenarioError) {
    if case .string = reader.node.value {
      self = .fixed(try reader.duration())
      return
    }
    let object = try reader.object(keys: ["fixed", "uniform", "lognormal"])
    if let fixed = object.optional("fixed") {
      self = .fixed(try fixed.duration())
    } else if let uniform = object.optional("uniform") {
      let bounds = try uniform.array()
      guard bounds.count == 2 else { throw uniform.error(expected: "two durations [lower, upper]") }
      let lower = try bounds[0].duration()
      let upper = try bounds[1].duration(in: lower...SimDuration.days(3_650))
      self = .uniform(lower, upper)
    } else if let lognormal = object.optional("lognormal") {
      let fields = try lognormal.object(keys: ["median", "sigma", "max"])
      let median = try fields.required("median", expected: "a duration").duration()
      let sigma = try fields.optional("sigma")?.number(in: 0...5) ?? 0.5
      let maximum = try fields.required("max", expected: "a duration cap").duration(in: median...SimDuration.days(3_650))
      self = .lognormal(median: median, sigma: sigma, maximum: maximum)
    } else {
      throw reader.error(expected: "a duration or an object with \"fixed\", \"uniform\" or \"lognormal\"")
    }
  }
}

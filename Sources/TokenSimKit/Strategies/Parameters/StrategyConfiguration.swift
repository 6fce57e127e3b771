/// What a configured strategy is made of, as every report shows it: the built-in strategy it is
/// based on and the parameters that differ from that strategy's defaults.
public struct StrategyConfiguration: Codable, Equatable, Sendable {
  /// The built-in strategy's name.
  public var base: String
  /// The parameters that differ from the base's defaults, in declaration order.
  public var overrides: [ParameterOverride]

  /// A configuration in code.
  public init(base: String, overrides: [ParameterOverride]) {
    self.base = base
    self.overrides = overrides
  }

  /// `based on naive with backoff=full-jitter, honorRetryAfter=true`, or `based on naive at its
  /// defaults` for a strategy that only has a name of its own.
  public var description: String {
    overrides.isEmpty
      ? "based on \(base) at its defaults"
      : "based on \(base) with " + overrides.map(\.description).joined(separator: ", ")
  }

  /// The overrides as a name → value object (report.json, compare.json).
  public var overrideValues: [String: String] {
    Dictionary(uniqueKeysWithValues: overrides.map { ($0.name, $0.value) })
  }
}

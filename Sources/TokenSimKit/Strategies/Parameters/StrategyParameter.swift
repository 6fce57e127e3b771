/// One documented, validated knob of a strategy, with its exemplar's default.
public struct StrategyParameter: Equatable, Sendable {
  /// The name used with `--param NAME=VALUE` and in strategy files.
  public let name: String
  /// What values it accepts.
  public let kind: ParameterKind
  /// The value when not overridden, taken from the strategy's exemplar.
  public let defaultValue: ParameterValue
  /// One sentence saying what it does.
  public let summary: String

  /// Declares a parameter.
  public init(_ name: String, _ kind: ParameterKind, default defaultValue: ParameterValue, _ summary: String) {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
    self.summary = summary
  }

  /// The same parameter with another default, for a strategy whose exemplar differs.
  public func defaulting(to value: ParameterValue) -> StrategyParameter {
    StrategyParameter(name, kind, default: value, summary)
  }
}

/// The value of one strategy parameter.
public enum ParameterValue: Equatable, Sendable, CustomStringConvertible {
  /// A duration, such as a refresh window.
  case duration(SimDuration)
  /// An optional setting that is off (`"none"`), such as no request timeout.
  case off
  /// A whole number, such as a retry count.
  case integer(Int)
  /// A decimal number, such as a ratio.
  case number(Double)
  /// A switch.
  case bool(Bool)
  /// One word of a fixed set, such as a backoff kind.
  case word(String)

  /// The value as written on the command line and in reports.
  public var description: String {
    switch self {
    case .duration(let value): return DurationText.format(value)
    case .off: return "none"
    case .integer(let value): return String(value)
    case .number(let value): return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    case .bool(let value): return value ? "true" : "false"
    case .word(let value): return value
    }
  }
}

/// One parameter of a configured strategy set to something other than its base's default, as
/// written on the command line: `backoff=full-jitter`.
public struct ParameterOverride: Codable, Equatable, Sendable, CustomStringConvertible {
  /// The parameter's name.
  public var name: String
  /// Its value as text (`10m`, `true`, `full-jitter`).
  public var value: String

  /// An override in code.
  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }

  /// `NAME=VALUE`.
  public var description: String { "\(name)=\(value)" }
}

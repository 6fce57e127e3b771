/// A strategy's parameters resolved: every declared parameter with its default or its override.
public struct StrategyParameters: Equatable, Sendable {
  /// The declarations, in the order they are documented.
  public let declared: [StrategyParameter]
  private var values: [String: ParameterValue]

  /// Every parameter at its default.
  public init(defaults declared: [StrategyParameter]) {
    self.declared = declared
    values = Dictionary(uniqueKeysWithValues: declared.map { ($0.name, $0.defaultValue) })
  }

  /// The value of `name`; a name that is not declared is a programming error.
  public subscript(name: String) -> ParameterValue {
    guard let value = values[name] else { preconditionFailure("undeclared strategy parameter \(name)") }
    return value
  }

  /// Sets `name` from `text`, or fails naming `place` (where it was written and how it reads
  /// there); `text` is nil for a value that is not a scalar.
  mutating func set(_ name: String, text: String?, at place: SettingPlace) throws(ScenarioError) {
    let parameter = try declaration(name, source: place.file, path: place.path, line: place.line)
    guard let text, let value = parameter.kind.parse(text) else {
      throw ScenarioError(
        file: place.file, path: place.path, line: place.line, expected: parameter.kind.expectation, found: place.found,
        suggestion: text.flatMap(parameter.kind.suggestion))
    }
    values[name] = value
  }

  /// Sets one parameter from a `NAME=VALUE` argument of `--param`.
  public mutating func set(argument: String) throws(ScenarioError) {
    guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
      throw ScenarioError(
        file: "--param", path: argument, expected: "NAME=VALUE, such as proactiveWindow=10m", found: "\"\(argument)\"")
    }
    let name = String(argument[..<equals])
    let text = String(argument[argument.index(after: equals)...])
    try set(name, text: text, at: SettingPlace(file: "--param", path: name, line: nil, found: "\"\(text)\""))
  }

  /// The declaration of `name`, or an error naming the closest declared parameter.
  func declaration(_ name: String, source: String, path: String, line: Int? = nil) throws(ScenarioError)
    -> StrategyParameter
  {
    if let parameter = declared.first(where: { $0.name == name }) { return parameter }
    let names = declared.map(\.name)
    throw ScenarioError(
      file: source, path: path, line: line, expected: "a parameter of this strategy (see `tokensim list strategies --verbose`)",
      found: "\"\(name)\"", suggestion: Spelling.closest(to: name, among: names))
  }

  /// Every parameter as text, for reports.
  public var asText: [String: String] { values.mapValues(\.description) }

  /// A duration parameter.
  public func duration(_ name: String) -> SimDuration {
    guard case .duration(let value) = self[name] else { preconditionFailure("\(name) is not a duration") }
    return value
  }

  /// A duration parameter that may be off.
  public func optionalDuration(_ name: String) -> SimDuration? {
    if case .off = self[name] { return nil }
    return duration(name)
  }

  /// A whole-number parameter.
  public func integer(_ name: String) -> Int {
    guard case .integer(let value) = self[name] else { preconditionFailure("\(name) is not a whole number") }
    return value
  }

  /// A switch parameter.
  public func bool(_ name: String) -> Bool {
    guard case .bool(let value) = self[name] else { preconditionFailure("\(name) is not a switch") }
    return value
  }

  /// A word parameter.
  public func word(_ name: String) -> String {
    guard case .word(let value) = self[name] else { preconditionFailure("\(name) is not a word") }
    return value
  }
}

/// Where a parameter value was written, for errors.
struct SettingPlace {
  /// The file, or `--param`.
  let file: String
  /// The JSON path, or the parameter's name on the command line.
  let path: String
  /// The line in the file, if any.
  let line: Int?
  /// How the value reads there.
  let found: String
}

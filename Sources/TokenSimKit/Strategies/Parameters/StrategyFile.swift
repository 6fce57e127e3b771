/// A strategy file: a built-in base strategy, a name of its own, and parameter overrides.
///
/// ```json
/// {
///   "name": "my-cli",
///   "base": "lease-shared",
///   "description": "our CLI: 10 minute advisory window, full-jitter retries",
///   "parameters": { "advisoryWindow": "10m", "backoff": "full-jitter", "maxRetries": 3 }
/// }
/// ```
///
/// Without a `name`, the strategy is named after its base and the parameters it changes
/// (`lease-shared+advisoryWindow=10m`). Values are written as on the command line; numbers and booleans may also be JSON numbers and
/// booleans. Errors name the file, line and JSON path, and suggest the closest parameter name.
public enum StrategyFile {
  static let keys = ["name", "base", "description", "parameters"]

  /// Reads the strategy file at `path`.
  public static func load(path: String) throws(ScenarioError) -> StrategyChoice {
    try read(JSONDocument.load(path: path, what: "a readable strategy file"))
  }

  /// Reads strategy-file text; `file` names it in errors.
  public static func parse(_ text: String, file: String) throws(ScenarioError) -> StrategyChoice {
    try read(JSONDocument.parse(text, file: file))
  }

  /// Reads a strategy-file object: a whole file, or a scenario's inline variant.
  static func read(_ reader: JSONReader) throws(ScenarioError) -> StrategyChoice {
    let object = try reader.object(keys: keys)
    let baseReader = try object.required("base", expected: "the built-in strategy it is based on")
    let base = try StrategyCatalog.entry(
      try baseReader.string(), source: reader.file, path: baseReader.path, line: baseReader.node.line)
    var choice = StrategyChoice(base)
    let name = try object.optional("name")?.name()
    _ = try object.optional("description")?.string()
    if let overrides = object.optional("parameters") { try set(overrides, on: &choice, file: reader.file) }
    // Named, the file's parameters are what its name stands for; unnamed, they show in the name.
    if let name { choice.name = name }
    return choice
  }

  private static func set(_ overrides: JSONReader, on choice: inout StrategyChoice, file: String) throws(ScenarioError) {
    guard case .object(let members) = overrides.node.value else { throw overrides.error(expected: "an object") }
    for member in members {
      let path = overrides.path + "." + member.key
      let place = SettingPlace(file: file, path: path, line: member.node.line, found: member.node.value.kindDescription)
      try choice.parameters.set(member.key, text: scalarText(member.node.value), at: place)
    }
  }

  private static func scalarText(_ value: JSONValue) -> String? {
    switch value {
    case .string(let text): return text
    case .number(_, let text): return text
    case .bool(let flag): return flag ? "true" : "false"
    default: return nil
    }
  }
}

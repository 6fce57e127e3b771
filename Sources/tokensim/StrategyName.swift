import TokenSimKit

/// A strategy as named on the command line: a built-in strategy (`naive`), a strategy file
/// (`./ours.json`: any name ending in `.json` or holding a `/`), or a variant of one of the
/// scenarios given (`seed-004-needs-login`).
enum StrategyName {
  /// What a name stands for.
  enum Resolved {
    /// A built-in strategy or a strategy file.
    case choice(StrategyChoice)
    /// A scenario's own variant, as defined by the first scenario given that has it.
    case variant(StrategyChoice)

    /// The strategy, whichever it is.
    var choice: StrategyChoice {
      switch self {
      case .choice(let choice), .variant(let choice): return choice
      }
    }
  }

  /// Whether `name` is the path of a strategy file.
  static func isFile(_ name: String) -> Bool { name.hasSuffix(".json") || name.contains("/") }

  /// The strategy file at `path`.
  static func file(_ path: String) throws(CommandFailure) -> StrategyChoice {
    do { return try StrategyFile.load(path: path) } catch { throw CommandFailure(status: 2, message: error.description) }
  }

  /// The strategy `name` stands for, given the scenarios whose variants it may name; `option`
  /// names where it was written in errors.
  static func resolve(_ name: String, scenarios: [Scenario], option: String) throws(CommandFailure) -> Resolved {
    if isFile(name) { return .choice(try file(name)) }
    if let entry = StrategyCatalog.named(name) { return .choice(StrategyChoice(entry)) }
    if let variant = scenarios.lazy.flatMap(\.variants).first(where: { $0.name == name }) { return .variant(variant) }
    throw CommandFailure(status: 2, message: unknown(name, scenarios: scenarios, option: option))
  }

  /// An unknown name: what it could have been, and the closest of those.
  private static func unknown(_ name: String, scenarios: [Scenario], option: String) -> String {
    let builtIn = StrategyCatalog.all.map(\.name)
    let variants = scenarios.flatMap { $0.variants.map(\.name) }
    let suggestion = closest(name, among: builtIn + variants).map { " (did you mean \"\($0)\"?)" } ?? ""
    let variantText = variants.isEmpty ? "" : "; variants of the scenarios given: " + variants.joined(separator: ", ")
    return "\(option) \(name): not a built-in strategy, a variant of the scenarios given, or a strategy file (*.json)"
      + "\(suggestion); built-in strategies: \(builtIn.joined(separator: ", "))\(variantText)"
  }
}

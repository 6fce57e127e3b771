/// A strategy as chosen for a run: a built-in base, the name it is reported under, and its
/// resolved parameters (defaults, then a strategy file's overrides, then `--param`s).
public struct StrategyChoice: Equatable, Sendable {
  /// The built-in strategy it is based on.
  public let base: StrategyCatalog.Entry
  /// The name in reports: the base's, or the strategy file's own.
  public var name: String
  /// The resolved parameters.
  public var parameters: StrategyParameters

  /// A built-in strategy at its defaults.
  public init(_ base: StrategyCatalog.Entry) {
    self.base = base
    name = base.name
    parameters = base.defaults
  }

  /// The built-in strategy called `name` at its defaults.
  public init(named name: String, source: String = "--strategy") throws(ScenarioError) {
    self.init(try StrategyCatalog.entry(name, source: source, path: name))
  }

  /// Makes the instance for one process. Built-in strategies are values made from their
  /// parameters alone, so one instance per role is made here and each process gets a copy:
  /// resolving parameters once, not at every CLI start.
  public var makeStrategy: @Sendable (ProcessRole) -> any RefreshStrategy {
    let prototypes = Prototypes(ProcessRole.allCases.map { base.make(parameters, $0) })
    return { prototypes.instances[ProcessRole.allCases.firstIndex(of: $0)!] }
  }

  /// One instance per role, never mutated: each call of `makeStrategy` hands out a copy.
  private final class Prototypes: @unchecked Sendable {
    let instances: [any RefreshStrategy]
    init(_ instances: [any RefreshStrategy]) { self.instances = instances }
  }

  /// Same base, name and parameters.
  public static func == (lhs: StrategyChoice, rhs: StrategyChoice) -> Bool {
    lhs.base.name == rhs.base.name && lhs.name == rhs.name && lhs.parameters == rhs.parameters
  }
}

/// A strategy as chosen for a run: a built-in base, the name it is reported under, and its
/// resolved parameters (defaults, then a strategy file's overrides, then `--param`s).
///
/// The name says what ran. A strategy keeps the name it was given (its base's, a strategy file's
/// or a scenario variant's) while its parameters are the ones that name stands for; parameters
/// set afterwards (`--param`) are appended, in declaration order, so that a configured strategy
/// is never reported under its base's name: `naive+backoff=full-jitter,honorRetryAfter=true`.
public struct StrategyChoice: Equatable, Sendable {
  /// The built-in strategy it is based on.
  public let base: StrategyCatalog.Entry
  /// The resolved parameters.
  public var parameters: StrategyParameters
  /// The name it was given: the base's, or a strategy file's or variant's own.
  public private(set) var label: String
  /// The parameters `label` stands for.
  private var labelled: StrategyParameters

  /// A built-in strategy at its defaults.
  public init(_ base: StrategyCatalog.Entry) {
    self.base = base
    label = base.name
    parameters = base.defaults
    labelled = parameters
  }

  /// The built-in strategy called `name` at its defaults.
  public init(named name: String, source: String = "--strategy") throws(ScenarioError) {
    self.init(try StrategyCatalog.entry(name, source: source, path: name))
  }

  /// The name in reports and output directories: the label, then `+` and every parameter set
  /// since it was named (`naive+maxRetries=3`). Setting it names the current parameters.
  public var name: String {
    get {
      let extra = Self.differences(parameters, from: labelled)
      return extra.isEmpty ? label : label + "+" + extra.map(\.description).joined(separator: ",")
    }
    set {
      label = newValue
      labelled = parameters
    }
  }

  /// The parameters that differ from the base's defaults, in declaration order.
  public var overrides: [ParameterOverride] { Self.differences(parameters, from: base.defaults) }

  /// How it differs from its base, for reports; nil for a built-in strategy at its defaults.
  public var configuration: StrategyConfiguration? {
    let overrides = self.overrides
    guard name != base.name || !overrides.isEmpty else { return nil }
    return StrategyConfiguration(base: base.name, overrides: overrides)
  }

  private static func differences(_ values: StrategyParameters, from other: StrategyParameters) -> [ParameterOverride] {
    values.declared.compactMap { parameter in
      let value = values[parameter.name]
      return value == other[parameter.name] ? nil : ParameterOverride(name: parameter.name, value: value.description)
    }
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

/// The built-in strategies by name.
public enum StrategyCatalog {
  /// One built-in strategy.
  public struct Entry: Sendable {
    /// The name used on the command line.
    public let name: String
    /// One line saying what it models.
    public let summary: String
    /// Its parameters with their defaults.
    public let parameters: [StrategyParameter]
    /// Whether each host needs a broker process.
    public let usesBroker: Bool
    /// Makes the instance for one process from resolved parameters.
    public let make: @Sendable (StrategyParameters, ProcessRole) -> any RefreshStrategy

    init<Strategy: BuiltInStrategy>(_ type: Strategy.Type) {
      name = Strategy.name
      summary = Strategy.summary
      parameters = Strategy.parameters
      usesBroker = Strategy.usesBroker
      make = { Strategy(parameters: $0, role: $1) }
    }

    /// Every parameter at its default.
    public var defaults: StrategyParameters { StrategyParameters(defaults: parameters) }
  }

  /// Every built-in strategy, in the order they are listed.
  public static let all: [Entry] = [
    Entry(NaiveStrategy.self), Entry(RereadFromDiskStrategy.self), Entry(LeaseSharedStrategy.self),
    Entry(BrokerStrategy.self), Entry(SingleFlightStrategy.self), Entry(AdvisoryMandatoryStrategy.self),
    Entry(LockOnWriteStrategy.self), Entry(LockWholeRefreshStrategy.self),
  ]

  /// The entry called `name`.
  public static func named(_ name: String) -> Entry? { all.first { $0.name == name } }

  /// The entry called `name`, or an error listing the names and the closest one.
  public static func entry(_ name: String, source: String, path: String, line: Int? = nil) throws(ScenarioError) -> Entry {
    if let entry = named(name) { return entry }
    let names = all.map(\.name)
    throw ScenarioError(
      file: source, path: path, line: line, expected: "one of " + names.map { "\"\($0)\"" }.joined(separator: ", "),
      found: "\"\(name)\"", suggestion: Spelling.closest(to: name, among: names))
  }
}

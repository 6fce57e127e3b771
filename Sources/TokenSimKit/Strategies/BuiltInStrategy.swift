/// A strategy that can be built from named, validated parameters: what the catalog, `--param`
/// and strategy files work with.
public protocol BuiltInStrategy: RefreshStrategy, SendableMetatype {
  /// The name used on the command line.
  static var name: String { get }
  /// One line saying what it models and after whom.
  static var summary: String { get }
  /// Its parameters with its exemplar's defaults.
  static var parameters: [StrategyParameter] { get }
  /// Whether each host needs a broker process for this strategy.
  static var usesBroker: Bool { get }
  /// Makes the instance for one process.
  init(parameters: StrategyParameters, role: ProcessRole)
}

extension BuiltInStrategy {
  /// Most strategies need no broker.
  public static var usesBroker: Bool { false }
}

/// A built-in strategy that is the shared `RefreshClient` engine with its exemplar's parameters.
public protocol EngineStrategy: BuiltInStrategy {
  /// The engine, configured from the strategy's parameters.
  var engine: RefreshClient { get set }
}

extension EngineStrategy {
  /// Hands the event to the engine.
  public mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    engine.handle(event, context: &context, actions: &actions)
  }
}

/// Runs one scenario with one strategy and seed, and gives back the trace and its metrics.
///
/// ```swift
/// let scenario = try Scenario.load(path: "Scenarios/shared-file-thrash.json")
/// let result = Simulation(scenario: scenario, strategyName: "naive", seed: 7) { _ in NaiveStrategy() }.run()
/// print(result.metrics.workLoopRestarts)
/// ```
public struct Simulation {
  /// The scenario.
  public let scenario: Scenario
  /// The strategy's name, for reports.
  public let strategyName: String
  /// The strategy's resolved parameters, for reports.
  public let parameters: [String: String]
  /// How a configured strategy differs from its built-in base, for reports; nil otherwise.
  public var configuration: StrategyConfiguration?
  /// The root seed.
  public let seed: UInt64
  /// Whether every host runs a broker process.
  public let brokers: Bool
  /// Makes the strategy a process of a role starts with: asked for every process made (a
  /// configured built-in strategy's is asked once per role, since it hands out copies of one
  /// value per role).
  public let makeStrategy: (ProcessRole) -> any RefreshStrategy
  /// Whether `makeStrategy` hands out copies of one value per role (`StrategyChoice`'s).
  private var makesCopiesPerRole = false

  /// Prepares a run.
  public init(
    scenario: Scenario, strategyName: String, parameters: [String: String] = [:], seed: UInt64? = nil,
    brokers: Bool = false, makeStrategy: @escaping (ProcessRole) -> any RefreshStrategy
  ) {
    self.brokers = brokers
    self.scenario = scenario
    self.strategyName = strategyName
    self.parameters = parameters
    self.seed = seed ?? scenario.seed
    self.makeStrategy = makeStrategy
  }

  /// Prepares a run of a configured strategy (a built-in one, possibly with overrides).
  public init(scenario: Scenario, strategy: StrategyChoice, seed: UInt64? = nil) {
    self.init(
      scenario: scenario, strategyName: strategy.name, parameters: strategy.parameters.asText, seed: seed,
      brokers: strategy.base.usesBroker, makeStrategy: strategy.makeStrategy)
    configuration = strategy.configuration
    makesCopiesPerRole = true
  }

  /// Runs to the end, measuring the trace as it happens; `trace` says whether the events are
  /// also kept in the result (the default), streamed to a consumer, or let go.
  ///
  /// A `monitor` looks at the run every so many events and may stop it (`stopped: memory-limit`,
  /// `interrupted`); `invariants` says whether every invariant is checked once at the end, and
  /// what each event touched after it as debug builds always do, stopping the process on the
  /// first broken one.
  public func run(
    trace retention: TraceRetention = .keep, monitor: RunMonitor? = nil, invariants: InvariantChecking = .never
  ) -> RunResult {
    let world = World(
      scenario: scenario, seed: seed, brokers: brokers, retention: retention,
      strategies: StrategyPrototypes(makeStrategy, oncePerRole: makesCopiesPerRole))
    world.checksEveryEvent = invariants == .afterEveryEvent
    if let monitor { Self.run(world, monitor: monitor, scenario: scenario) } else { world.run() }
    if invariants != .never { world.checkInvariants() }
    let analysis = world.analysis(settings: scenario.checks)
    return RunResult(
      scenario: scenario, strategyName: strategyName, parameters: parameters, configuration: configuration, seed: seed,
      simulated: world.now,
      eventsProcessed: world.eventsProcessed, stopReason: world.stopReason, trace: world.trace, analysis: analysis)
  }
}

extension Simulation {
  /// Steps `world` to its end, letting `monitor` look after the first event, then every
  /// `interval` events, and also whenever 4,096 processes were started since its last look: one
  /// event can start a whole cron burst, so events alone do not bound what memory grows by
  /// between two looks.
  static func run(_ world: World, monitor: RunMonitor, scenario: Scenario) {
    var nextLook = 1
    var processesAtLook = 0
    while world.run(untilEvents: nextLook, orProcesses: processesAtLook + 4_096) {
      nextLook = world.eventsProcessed + monitor.interval
      processesAtLook = world.processes.count
      let position = RunPosition(
        events: world.eventsProcessed, simulated: world.now, duration: scenario.duration,
        eventBudget: scenario.eventBudget)
      if let reason = monitor.look(position) { return world.halt(reason) }
    }
  }
}

/// When a run checks the world's invariants, beyond what a debug build checks after every event.
public enum InvariantChecking: String, Equatable, Sendable, CaseIterable {
  /// Only as the build does (debug builds after every event).
  case never
  /// Every invariant once, at the end of the run.
  case atEnd = "end"
  /// At the end, and what each event touched after it, in any build (costs time in proportion to
  /// the token requests in flight).
  case afterEveryEvent = "every-event"
}

/// What one run produced.
public struct RunResult: Sendable {
  /// The scenario run.
  public let scenario: Scenario
  /// The strategy's name.
  public let strategyName: String
  /// The strategy's parameters.
  public let parameters: [String: String]
  /// How a configured strategy differs from its built-in base; nil for a built-in strategy at
  /// its defaults, or a strategy of one's own.
  public private(set) var configuration: StrategyConfiguration?
  /// The root seed.
  public let seed: UInt64
  /// Simulated time reached.
  public let simulated: SimInstant
  /// Events processed by the run loop.
  public let eventsProcessed: Int
  /// Why the run stopped.
  public let stopReason: StopReason
  /// Every trace event in order when the run kept its trace (`TraceRetention.keep`); else empty.
  public let trace: [TraceEvent]
  /// Metrics, timeline, checks and verdict, computed from the trace.
  public let analysis: RunAnalysis
  /// How the trace was made when not by a simulation (`serve`); nil for a simulation.
  public var mode: String?

  /// A result assembled by another driver than `Simulation` (a live server), analyzed from its
  /// trace like any run.
  public init(
    scenario: Scenario, strategyName: String, parameters: [String: String] = [:], seed: UInt64, simulated: SimInstant,
    eventsProcessed: Int, stopReason: StopReason, trace: [TraceEvent], analysis: RunAnalysis, mode: String? = nil
  ) {
    self.scenario = scenario
    self.strategyName = strategyName
    self.parameters = parameters
    self.configuration = nil
    self.seed = seed
    self.simulated = simulated
    self.eventsProcessed = eventsProcessed
    self.stopReason = stopReason
    self.trace = trace
    self.analysis = analysis
    self.mode = mode
  }

  init(
    scenario: Scenario, strategyName: String, parameters: [String: String], configuration: StrategyConfiguration?,
    seed: UInt64, simulated: SimInstant, eventsProcessed: Int, stopReason: StopReason, trace: [TraceEvent],
    analysis: RunAnalysis
  ) {
    self.init(
      scenario: scenario, strategyName: strategyName, parameters: parameters, seed: seed, simulated: simulated,
      eventsProcessed: eventsProcessed, stopReason: stopReason, trace: trace, analysis: analysis)
    self.configuration = configuration
  }

  /// Figures computed from the trace.
  public var metrics: RunMetrics { analysis.metrics }
}

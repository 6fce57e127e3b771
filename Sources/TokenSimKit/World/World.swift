/// The simulated world of one run: the authorization server, the hosts and processes, and the
/// run loop that jumps from event to event on virtual time. Every step is recorded: measured at
/// once by the trace analyzer, and kept or streamed as `retention` says.
public final class World {
  let scenario: Scenario
  let makeStrategy: (ProcessRole) -> any RefreshStrategy
  let rootSeed: UInt64
  var queue = EventQueue<WorldEvent>()
  /// True time now.
  public internal(set) var now = SimInstant.start
  /// What happened, in order, when the world keeps its trace (`TraceRetention.keep`); else empty.
  public internal(set) var trace: [TraceEvent] = []
  let retention: TraceRetention
  var analyzer: TraceAnalyzer
  /// Events taken from the queue.
  public internal(set) var eventsProcessed = 0
  /// Why the run stopped.
  public internal(set) var stopReason = StopReason.endOfTime
  /// The authorization server, driven through the event queue.
  var server: AuthorizationServer
  var hosts: [HostState]
  /// Process templates: (host index, config).
  let templates: [(host: Int, config: ProcessConfig)]
  var arrivalRandom: [RandomStream]
  /// Every process by id; one that ended for good (exited, or crashed with no restart) is
  /// retired, so memory follows live processes. Events for a process no longer kept are dropped.
  var processes = RetiringTable<SimProcess>()
  var tokenRequests: [Int: TokenRequestState] = [:]
  var apiCalls: [Int: APICallState] = [:]
  var nextRequest = 1
  var nextCall = 1
  var nextTicket = 1
  let maximumEventsPerInstant = 1_000_000

  /// Builds the world of `scenario` under `seed`, each process running a strategy from
  /// `makeStrategy`. With `brokers`, every host runs a broker process (the scenario's own, or one
  /// added with a supervisor that restarts it after 1 s); without, the scenario's brokers are
  /// left out because nothing would ask them. `retention` says whether the trace is kept,
  /// streamed or only measured.
  public init(
    scenario: Scenario, seed: UInt64, brokers: Bool = false, retention: TraceRetention = .keep,
    makeStrategy: @escaping (ProcessRole) -> any RefreshStrategy
  ) {
    self.scenario = scenario
    self.retention = retention
    analyzer = TraceAnalyzer(duration: scenario.duration)
    self.rootSeed = seed
    self.makeStrategy = makeStrategy
    server = AuthorizationServer(config: scenario.server, seed: seed)
    hosts = scenario.hosts.map(HostState.init(config:))
    templates = World.templates(of: scenario, brokers: brokers)
    arrivalRandom = templates.map {
      RandomStream(rootSeed: seed, name: "arrivals/\(scenario.hosts[$0.host].name)/\($0.config.name)")
    }
  }

  private static func templates(of scenario: Scenario, brokers: Bool) -> [(host: Int, config: ProcessConfig)] {
    scenario.hosts.enumerated().flatMap { index, host in
      var processes = host.processes.filter { brokers || $0.role != .broker }
      if brokers, !processes.contains(where: { $0.role == .broker }) {
        processes.insert(ProcessConfig(name: "broker", role: .broker, restartAfter: .seconds(1)), at: 0)
      }
      return processes.map { (index, $0) }
    }
  }

  /// Runs to the end of the scenario, the event budget, or until nothing is left to happen.
  public func run() {
    setUp()
    let end = SimInstant(microseconds: scenario.duration.microseconds)
    var instantCount = 0
    while let next = queue.nextTime {
      guard next <= end else { break }
      guard eventsProcessed < scenario.eventBudget else { return stop(.eventBudget) }
      instantCount = next == now ? instantCount + 1 : 0
      guard instantCount < maximumEventsPerInstant else { return stop(.zeroDelayLoop) }
      let (time, event) = queue.popNext()!
      now = time
      eventsProcessed += 1
      dispatch(event)
      if processes.hasReleasable { processes.releaseRetired() }
    }
    now = end
    stop(queue.isEmpty ? .quiescent : .endOfTime)
  }

  private func stop(_ reason: StopReason) {
    stopReason = reason
    record(.runEnded(reason: reason))
  }

  func record(_ kind: TraceKind) {
    let event = TraceEvent(time: now, kind: kind)
    analyzer.observe(event)
    switch retention {
    case .keep: trace.append(event)
    case .discard: break
    case .stream(let consume): consume(event)
    }
  }

  /// Metrics, timeline, checks and verdict of the run so far, judged with `settings`.
  public func analysis(settings: CheckSettings) -> RunAnalysis {
    RunAnalysis(analyzer: analyzer, settings: settings)
  }

  func schedule(_ event: WorldEvent, at time: SimInstant) { queue.schedule(event, at: max(time, now)) }

  func schedule(_ event: ProcessEvent, for process: Int, at time: SimInstant) {
    schedule(.process(id: process, incarnation: processes[process].incarnation, event), at: time)
  }

  private func dispatch(_ event: WorldEvent) {
    switch event {
    case .spawn(let template, let instance): spawn(template: template, instance: instance)
    case .cliArrival(let template): cliArrives(template: template)
    case .process(let id, let incarnation, let event): dispatch(event, to: id, incarnation: incarnation)
    case .tokenServiceDone(let request): finishService(request)
    case .tokenReplyArrives(let request): tokenReplyArrives(request)
    case .apiReplyArrives(let call): apiReplyArrives(call)
    case .securityEvent(let index): applySecurityEvent(scenario.server.securityEvents[index])
    case .faultWindow(let rule, let open):
      record(.faultWindow(rule: rule, effect: scenario.server.faults[rule].effect, open: open))
    case .hostSuspension(let host, let suspended):
      record(.hostSuspension(host: hosts[host].config.name, suspended: suspended))
    case .lockStaleCheck(let host): breakStaleLock(host: host)
    }
  }
}

/// Holds a process's strategy so that it is mutated in place.
final class StrategyBox {
  var strategy: any RefreshStrategy
  init(_ strategy: any RefreshStrategy) { self.strategy = strategy }
}

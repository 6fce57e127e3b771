/// The simulated world of one run: the authorization server, the hosts and processes, and the
/// run loop that jumps from event to event on virtual time. Every step is recorded: measured at
/// once by the trace analyzer, and kept or streamed as `retention` says.
public final class World {
  let scenario: Scenario
  let rootSeed: UInt64
  var queue = EventQueue<WorldEvent>(lanes: QueueLane.allCases.count)
  /// True time now.
  public internal(set) var now = SimInstant.start
  /// What happened, in order, when the world keeps its trace (`TraceRetention.keep`); else empty.
  public internal(set) var trace: [TraceEvent] = []
  let retention: TraceRetention
  var analyzer: TraceAnalyzer
  /// What the analyzer gave once the run had stopped (`analysis(settings:)`).
  private var finishedAnalysis: (RunMetrics, Timeline, RunFindings)?
  /// Events taken from the queue.
  public internal(set) var eventsProcessed = 0
  /// Why the run stopped.
  public internal(set) var stopReason = StopReason.endOfTime
  /// The authorization server, driven through the event queue.
  var server: AuthorizationServer
  var hosts: [HostState]
  /// Every host's suspension windows, merged and in order: while now is in none of them, no
  /// event waits for its host to resume.
  let suspensions: [Range<SimInstant>]
  /// The first of `suspensions` not over by now (now never moves back).
  private var suspensionsPassed = 0
  /// Whether some host is suspended, as of the last look at `suspensions`, and until when that
  /// holds (the start or end of the next window): most events ask, and until then the answer is
  /// read, not looked up.
  private var suspendedNow = false
  private var suspendedNowUntil = SimInstant.start
  /// Process templates: (host index, config).
  let templates: [(host: Int, config: ProcessConfig)]
  var arrivalRandom: [RandomStream]
  /// Per template, the `stableHash` of its process streams' names (`process/<host>/<process>/`
  /// and `crash/process/<host>/<process>/`) without the instance number that ends them: a process
  /// start derives its streams without spelling their names.
  let streamPrefixes: [(process: UInt64, crash: UInt64)]
  /// Per template, its processes' name, `<host>/<process>`, or the base of their
  /// `NumberedName`s (a CLI invocation's, or an instance's of a daemon run `count` times): a
  /// process start appends only its number, one string built instead of three.
  let nameBases: [String]
  /// Every process by id; one that ended for good (exited, or crashed with no restart) is
  /// retired, so memory follows live processes. Events for a process no longer kept are dropped.
  /// Held once, as a constant: a record is read and changed in place, with no uniqueness check.
  let processes = RetiringPages<SimProcess>()
  /// What new process records are made of: strategies from `makeStrategy`, and the parts
  /// retired records left.
  var processParts: ProcessParts
  /// How many processes are running now.
  public internal(set) var liveProcesses = 0
  /// The most processes that ran at once so far (what `tokensim bench` divides memory by).
  public internal(set) var peakLiveProcesses = 0
  /// The credential snapshot of each kept process whose credentials come from its environment.
  var environments: [Int: StoreContents] = [:]
  /// Token requests and API calls under way, by their increasing numbers: found by binary
  /// search among the few in flight, with no hashing on the path of every call.
  var tokenRequests = KeyedLine<TokenRequestState>()
  /// The replies on their way to their clients, in the slots their requests' states name: apart
  /// from the states, which hold only integers and flags and so are copied without retaining.
  var tokenReplies = PayloadSlots<TokenEndpointReply>()
  /// Store reads' results, store writes' contents and IPC messages in flight, in the slots their
  /// events name: `WorldEvent` carries the slot, not the payload, so it stays a few words.
  var storeReads = PayloadSlots<StoreReadResult>()
  var storeWrites = PayloadSlots<StoreContents>()
  var messages = PayloadSlots<IPCMessage>()
  /// IPC messages dropped on their way with their payload slot: their receiver crashed, exited or
  /// restarted before they arrived. An answer that arrives when no question awaits it (`receive`)
  /// is taken from its slot and dropped there, and is not counted here.
  var messagesDropped = 0
  /// IPC questions asked so far by every process: the world numbers each question on the wire with
  /// the next count, so that no two questions share a number.
  var questionsAsked = 0
  /// API calls under way, by their consecutive numbers: a reply or a timeout finds its call at a
  /// fixed place, and a timeout whose call has ended finds none there.
  let apiCalls = NumberedWindow<APICallState>()
  var nextRequest = 1
  var nextCall = 1
  var nextTicket = 1
  /// The actions strategies answered with and the world is still to perform: `deliver` has the
  /// strategy append to the end, turns what it appended last first, and takes the actions off the
  /// top one by one. An action that leads to another delivery stacks that one's actions above, so
  /// one buffer serves every delivery and answering an event allocates nothing once the run has
  /// warmed up.
  var actionStack: [StrategyAction] = []
  /// The ask `ask` handed to its process's strategy, not yet among the process's open asks: a
  /// strategy that grants it at once (most calls) is answered without adding it to the line and
  /// removing it again. It joins the open asks, where it would have been all along, before any
  /// other action of that delivery is performed, and at its end when nothing granted it.
  var askInHand: (process: Int, ask: Int, open: OpenAsk)?
  /// How many asks were granted from the hand (modulo 2^64): `ask` tells by it that its ask was
  /// answered at once and never waited.
  var asksGrantedInHand = 0
  let maximumEventsPerInstant = 1_000_000
  /// Whether release builds check, after every event, the invariants it could have broken (debug
  /// builds always do): what `tokensim fuzz` runs its cases with.
  public var checksEveryEvent = false
  /// Whether this is a debug build, which checks invariants after every event whatever
  /// `checksEveryEvent` says.
  static var isDebugBuild: Bool {
    #if DEBUG
      return true
    #else
      return false
    #endif
  }

  /// Builds the world of `scenario` under `seed`, each process running a strategy from
  /// `makeStrategy`, asked for every process made. With `brokers`, every host runs a broker process (the scenario's own, or one
  /// added with a supervisor that restarts it after 1 s); without, the scenario's brokers are
  /// left out because nothing would ask them. `retention` says whether the trace is kept,
  /// streamed or only measured.
  public convenience init(
    scenario: Scenario, seed: UInt64, brokers: Bool = false, retention: TraceRetention = .keep,
    makeStrategy: @escaping (ProcessRole) -> any RefreshStrategy
  ) {
    self.init(
      scenario: scenario, seed: seed, brokers: brokers, retention: retention,
      strategies: StrategyPrototypes(makeStrategy, oncePerRole: false))
  }

  /// Builds the world of `scenario`, its processes' strategies from `strategies`: asked for
  /// every process, or once per role when its maker hands out copies of one value per role
  /// (`StrategyChoice`'s).
  init(scenario: Scenario, seed: UInt64, brokers: Bool, retention: TraceRetention, strategies: StrategyPrototypes) {
    self.scenario = scenario
    self.retention = retention
    analyzer = World.analyzer(for: scenario, brokers: brokers)
    self.rootSeed = seed
    processParts = ProcessParts(strategies: strategies)
    server = AuthorizationServer(config: scenario.server, seed: seed)
    hosts = scenario.hosts.map(HostState.init(config:))
    suspensions = World.merged(scenario.hosts.flatMap(\.suspensions))
    templates = World.templates(of: scenario, brokers: brokers)
    arrivalRandom = templates.map {
      RandomStream(rootSeed: seed, name: "arrivals/\(scenario.hosts[$0.host].name)/\($0.config.name)")
    }
    streamPrefixes = templates.map {
      let prefix = "process/\(scenario.hosts[$0.host].name)/\($0.config.name)/"
      return (RandomStream.stableHash(prefix), RandomStream.stableHash("crash/" + prefix))
    }
    nameBases = templates.map { scenario.hosts[$0.host].name + "/" + $0.config.name }
    processes.describe = { [weak self] id in self?.describe(id) ?? "process \(id)" }
  }

  /// `windows` merged where they overlap or meet, in order: a time is in one of the result
  /// exactly when it is in one of `windows`.
  private static func merged(_ windows: [Range<SimInstant>]) -> [Range<SimInstant>] {
    var merged: [Range<SimInstant>] = []
    for window in windows.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = merged.last, window.lowerBound <= last.upperBound {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
      } else {
        merged.append(window)
      }
    }
    return merged
  }

  /// Whether some host is suspended now (its events wait for it to resume).
  @inline(__always)
  func someHostIsSuspended() -> Bool {
    if now >= suspendedNowUntil { lookAtSuspensions() }
    return suspendedNow
  }

  /// Finds whether now is in one of `suspensions`, and when that next changes.
  private func lookAtSuspensions() {
    while suspensionsPassed < suspensions.count, suspensions[suspensionsPassed].upperBound <= now {
      suspensionsPassed += 1
    }
    guard suspensionsPassed < suspensions.count else {
      (suspendedNow, suspendedNowUntil) = (false, .never)
      return
    }
    let window = suspensions[suspensionsPassed]
    suspendedNow = window.lowerBound <= now
    suspendedNowUntil = suspendedNow ? window.upperBound : window.lowerBound
  }

  /// A fresh analyzer for `scenario`'s trace, told which CLIs come back after a crash and how
  /// many workers there are: a CLI's invocations are one worker, a daemon or broker template
  /// of `count` processes is `count` (a broker added to every host by `brokers` is one more).
  private static func analyzer(for scenario: Scenario, brokers: Bool) -> TraceAnalyzer {
    let restarting = scenario.hosts.flatMap { host in
      host.processes.filter { $0.role == .cli && $0.restartAfter != nil }.map { host.name + "/" + $0.name }
    }
    let workers = scenario.hosts.reduce(0) { sum, host in
      sum + (brokers ? 1 : 0) + host.processes.reduce(0) { $0 + ($1.role == .cli ? 1 : $1.count) }
    }
    return TraceAnalyzer(duration: scenario.duration, restartingCLIs: Set(restarting), expectedWorkers: workers)
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
    while stepInline() {}
  }

  /// Whether the run has stopped (`stopReason` says why); `step` does nothing more.
  public private(set) var hasStopped = false
  private var hasBegun = false
  /// Events processed so far at the current instant, for the zero-delay-loop guard.
  private var eventsAtThisInstant = 0
  private var endOfRun: SimInstant { SimInstant(microseconds: scenario.duration.microseconds) }

  /// Processes the next event (logging in and scheduling the processes first, on the first
  /// call) and returns true; returns false once the run has stopped: past the scenario's end,
  /// at the event budget, in a zero-delay loop, or with nothing left to happen. Lets a test walk
  /// a run one event at a time.
  @discardableResult
  public func step() -> Bool { stepInline() }

  /// Processes events until the run stops (false) or until it has processed `events` events or
  /// made `processCount` processes (true): what a monitor's loop runs between its looks, with
  /// each step inlined rather than called.
  func run(untilEvents events: Int, orProcesses processCount: Int) -> Bool {
    while stepInline() {
      if eventsProcessed >= events || processes.count >= processCount { return true }
    }
    return false
  }

  /// `step()`, inlined into the loops that run many steps.
  @inline(__always)
  private func stepInline() -> Bool {
    beginIfNeeded()
    guard !hasStopped else { return false }
    guard let next = queue.nextTime, next <= endOfRun else {
      now = endOfRun
      stop(queue.isEmpty ? .quiescent : .endOfTime)
      return false
    }
    guard eventsProcessed < scenario.eventBudget else {
      stop(.eventBudget)
      return false
    }
    eventsAtThisInstant = next == now ? eventsAtThisInstant + 1 : 0
    guard eventsAtThisInstant < maximumEventsPerInstant else {
      stop(.zeroDelayLoop)
      return false
    }
    let (time, event) = queue.removeNext()
    process(event, at: time)
    return true
  }

  /// Processes every event due at or before `time` (true time), then moves the clock to `time`
  /// (never past the scenario's end): the state a test inspects is the world at that instant.
  public func advance(to time: SimInstant) {
    precondition(time >= now, "advance(to: \(time)) would move the clock back from \(now)")
    beginIfNeeded()
    while !hasStopped, let next = queue.nextTime, next <= time, step() {}
    if !hasStopped { now = min(time, endOfRun) }
  }

  private func beginIfNeeded() {
    guard !hasBegun else { return }
    hasBegun = true
    setUp()
  }

  /// Processes `event`, taken from the queue, at `time`. Inlined into `stepInline`, which every
  /// event of the run loop goes through: a call of its own cost about 20 instructions an event.
  @inline(__always)
  private func process(_ event: WorldEvent, at time: SimInstant) {
    now = time
    eventsProcessed += 1
    let checking = checksEveryEvent || World.isDebugBuild
    let (subject, requestsBefore) = checking ? (subject(of: event), nextRequest) : (nil, 0)
    dispatch(event)
    if checking { checkInvariants(after: event, subject: subject, requestsBefore: requestsBefore) }
    if processes.hasRetiredLately { processes.releaseRetired { $0.release(into: &processParts) } }
  }

  /// Stops the run now for `reason` (a monitor's: `memoryLimit`, `interrupted`), recording
  /// `runEnded` as any stop does; nothing when it has already stopped.
  public func halt(_ reason: StopReason) {
    if !hasStopped { stop(reason) }
  }

  private func stop(_ reason: StopReason) {
    hasStopped = true
    stopReason = reason
    record(.runEnded(reason: reason))
  }

  /// Records `kind` now: measured at once, and kept or streamed as `retention` asks (an event is
  /// built only then: a run that discards its trace copies no event). A CLI invocation's start
  /// hands the analyzer its template's number too, so that the invocations of one CLI are found to
  /// be one worker by that number rather than by hashing each invocation's name (its name is
  /// built as `NumberedName` spells it, its worker's and its process number). Inlined where an
  /// event is recorded, which knows its kind: the start's test is then decided by the compiler,
  /// and a trace let go costs no call but the analyzer's.
  @inline(__always)
  func record(_ kind: TraceKind) {
    if case .processStarted(let process, _, .cli, _) = kind {
      analyzer.observe(kind, at: now, cliKey: processes[process].template)
    } else {
      analyzer.observe(kind, at: now)
    }
    if case .discard = retention { return }
    keepOrStream(kind)
  }

  /// Keeps or streams the event of `kind` now, as `retention` asks.
  private func keepOrStream(_ kind: TraceKind) {
    switch retention {
    case .keep: trace.append(TraceEvent(time: now, kind: kind))
    case .discard: assertionFailure("record lets a discarded event go before keeping or streaming it")
    case .stream(let consume): consume(TraceEvent(time: now, kind: kind))
    }
  }

  /// Metrics, timeline, checks and verdict of the run so far, judged with `settings`.
  ///
  /// Once the run has stopped, the analyzer is finished in place, once, and let go: finishing a
  /// copy of it while the world still held the original made every array it touched (a
  /// timeline cell per worker and bucket, a record per worker) exist twice at the end of the run,
  /// the peak of a large fleet's memory.
  public func analysis(settings: CheckSettings) -> RunAnalysis {
    guard hasStopped else { return RunAnalysis(analyzer: analyzer, settings: settings) }
    if finishedAnalysis == nil {
      var last = analyzer
      analyzer = World.analyzer(for: scenario, brokers: false)
      finishedAnalysis = last.finish()
    }
    return RunAnalysis(finished: finishedAnalysis!, settings: settings)
  }

  /// Schedules `event` at `time`, which is not before now: the clock never runs backwards. A
  /// moment that may already have passed (a timer set for a past instant, a lock that is stale
  /// already) is clamped where it is computed, with `atOrAfterNow`.
  func schedule(_ event: WorldEvent, at time: SimInstant) {
    precondition(time >= now, "an event is scheduled at \(time), before now (\(now)): \(event)")
    guard let lane = QueueLane.of(event, at: time, now: now) else { return queue.schedule(event, at: time) }
    queue.schedule(event, at: time, lane: lane.rawValue)
  }

  /// `time`, or now when it has passed.
  func atOrAfterNow(_ time: SimInstant) -> SimInstant { max(time, now) }

  func schedule(_ event: ProcessEvent, for process: Int, at time: SimInstant) {
    schedule(event, for: process, incarnation: processes[process].incarnation, at: time)
  }

  /// Schedules `event` for `incarnation` of `process`, which the caller has already read (one
  /// look-up of the process record fewer on a path every call takes).
  func schedule(_ event: ProcessEvent, for process: Int, incarnation: Int, at time: SimInstant) {
    schedule(.process(id: process, incarnation: incarnation, event), at: time)
  }

  /// Whether the API call `call` has ended (its reply came first, or its process ended) and its
  /// timeout, due now, has nothing to do: half the events of a fleet are such timeouts. It would
  /// still wait for a suspended host to resume, so this holds only while no host is suspended.
  private func endedBeforeItsTimeout(_ call: Int) -> Bool { !apiCalls.contains(call) && !someHostIsSuspended() }

  /// Inlined into the run loop, where every event goes through it: its call and its frame cost
  /// about 25 instructions an event, and the compiler then inlines the commonest handlers too.
  @inline(__always)
  private func dispatch(_ event: WorldEvent) {
    switch event {
    case .spawn(let template, let instance): spawn(template: template, instance: instance)
    case .cliArrival(let template): cliArrives(template: template)
    case .process(let id, let incarnation, let event):
      if case .apiTimeout(let call) = event, endedBeforeItsTimeout(call) { return }
      dispatch(event, to: id, incarnation: incarnation)
    case .tokenServiceDone(let request): finishService(request)
    case .tokenReplyArrives(let request): tokenReplyArrives(request)
    case .apiReplyArrives(let call): apiReplyArrives(call)
    case .securityEvent(let index): applySecurityEvent(scenario.server.securityEvents[index])
    case .faultWindow(let rule, let open):
      record(.faultWindow(rule: rule, fault: scenario.server.faults[rule], open: open))
    case .hostSuspension(let host, let suspended):
      record(.hostSuspension(host: hosts[host].config.name, suspended: suspended))
    case .lockStaleCheck(let host): breakStaleLock(host: host)
    }
  }
}

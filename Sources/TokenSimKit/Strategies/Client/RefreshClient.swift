/// The refresh engine the built-in strategies share: it answers calls from the credentials it
/// holds, decides when to refresh (refresh, advisory and proactive windows), coordinates with the
/// other processes of its store through its coordination's `RefreshCoordinator`, and handles
/// failures (backoff, Retry-After, retry budget, attempt throttle, reaction to a refused refresh
/// token, active recovery).
///
/// Each built-in strategy is this engine with its exemplar's parameters. It is sans-IO: it sees
/// only `StrategyEvent`s and answers with `StrategyAction`s. What it is doing is its `phase`; the
/// few facts that are not phases are the documented flags below.
public struct RefreshClient: RefreshStrategy {
  /// The policy and coordination, one instance shared by every copy of this engine.
  let settings: EngineSettings
  /// The shared knobs.
  public var policy: RefreshPolicy { settings.policy }
  /// How processes sharing the store coordinate; the engine asks it (its case's
  /// `RefreshCoordinator`) at each point of a refresh where coordinations differ.
  public var coordination: Coordination { settings.coordination }

  // The state below is ordered widest first: Swift lays a struct out in declaration order, and
  // every process holds one, so the optionals' tag bytes and the flags share the tail instead of
  // each padding to eight bytes.

  /// The workload's calls waiting for a token.
  var asks = WaitingCalls()
  /// The finishing steps left while `phase` is `.finishing`.
  var steps: [RefreshStep] = []
  /// Consecutive transient failures, for the backoff.
  var failures = 0
  /// Retries of the current required refresh, against `maxRetries`.
  var retriesUsed = 0
  /// The last backoff delay, for decorrelated jitter.
  var previousDelay = SimDuration.zero
  /// The tag of the next token request; kept across restarts so late replies are not mistaken.
  var nextRequest = 1
  /// The pair held in memory; nil before the store was read, or when it held none.
  var credentials: Credentials?
  /// What the engine is doing about its credentials.
  var phase = RefreshPhase.idle
  /// No token request before this instant (backoff, Retry-After, the shared throttle).
  @CompactInstant var throttle: SimInstant? = nil
  /// When the last token request was sent, for `minAttemptInterval`.
  @CompactInstant var lastAttempt: SimInstant? = nil
  /// The access-token expiry the `refresh` timer was last armed for: it is armed once per token.
  @CompactInstant var proactiveArmedFor: SimInstant? = nil
  /// The retry budget, when the policy has one.
  var budget: RetryBudget?
  /// The API's 401s to the held token since the last successful refresh, for
  /// `recoveryAfterRejections`.
  var rejectionsInARow = 0
  /// A call asked for an unconditional refresh (`forceRefresh`): the pair held does not satisfy
  /// calls, however fresh. Set by such a call; cleared by a successful refresh or by adopting
  /// another pair from the store.
  var forced = false
  /// This process holds the store lock. Set when the lock is granted; cleared when the engine
  /// releases it (a restart releases a lock its previous work loop held).
  var holdsLock = false
  /// The `retry` timer is armed for a required refresh that failed or was throttled, and calls
  /// start no refresh until it fires. Not a phase: a proactive or recovery refresh may run
  /// meanwhile, and the failed refresh's finishing steps run while it is set. Set by a transient
  /// failure with retries left, and by a throttled call that waits (`whenThrottled: wait`);
  /// cleared when the timer fires, by a success and by a refusal.
  var retryArmed = false
  /// The `recover` timer (active recovery) is armed, so that it is not armed twice. Set when it
  /// is armed; cleared when it fires.
  var recoveryArmed = false
  /// The needs-login alert for a store that held no session was raised (`notLoggedIn`), so that
  /// it is raised once. Set with the alert; cleared only by a start: once a read gives the
  /// process a pair, it never holds none again.
  var toldNotLoggedIn = false
  /// It has handled an event since `init(settings:)`: a start puts its state back as `init` made
  /// it. Until then there is nothing to put back (a CLI invocation's first event is its start).
  var touched = false

  /// Creates the engine.
  public init(policy: RefreshPolicy, coordination: Coordination) {
    self.init(settings: EngineSettings(policy: policy, coordination: coordination))
  }

  /// An engine in its initial state over settings already made (a restart keeps them).
  init(settings: EngineSettings) {
    self.settings = settings
    budget = settings.policy.retryBudget
  }

  public mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    defer { touched = true }
    // The commonest event, a call asking for a token, is matched alone first: the switch below
    // reads every word of the event's payload before it branches.
    if case .tokenNeeded(let ask, let force) = event {
      forced = forced || force
      return serve(&context, &actions, arriving: ask)
    }
    switch event {
    case .started: start(&actions)
    case .tokenNeeded: break  // served above, before the switch
    case .apiRejected(let ask, let token, _): apiRejected(ask: ask, token, &context, &actions)
    case .timerFired(let name): timerFired(name, &context, &actions)
    case .storeRead(let result): storeRead(result, &context, &actions)
    case .storeWritten: stepDone(&context, &actions)
    case .lockGranted: lockGranted(&context, &actions)
    case .lockUnavailable: lockUnavailable(&context, &actions)
    case .refreshCompleted(let request, let reply):
      guard case .sending(request, let need) = phase else { return }
      completed(reply, need: need, &context, &actions)
    case .messageReceived, .messageFailed: return
    }
  }

  /// Starts (again): everything but the request tags is forgotten. An engine that has handled
  /// nothing yet is as `init(settings:)` made it and is not reset (a CLI invocation starts once).
  private mutating func start(_ actions: inout [StrategyAction]) {
    if touched {
      release(&actions)
      forget()
    }
    phase = .loading
    actions.append(.readStore)
  }

  /// Whether `resetAsMade()` makes it equal to `prototype`: an engine over the same settings
  /// that has handled no event (a role's prototype, which `StrategyBox`'s reused holders are
  /// reset to).
  func resetsAsMade(like prototype: RefreshClient) -> Bool { settings === prototype.settings && !prototype.touched }

  /// Puts every field but `settings` back as `init(settings:)` sets it, in place: the emptied
  /// buffers are kept, where `self = prototype` freed them and the next ask allocated the
  /// waiting line's again (about 500 instructions a CLI invocation).
  mutating func resetAsMade() {
    forget()
    nextRequest = 1
  }

  /// Puts every field but `settings` and `nextRequest` back as `init(settings:)` sets it, in
  /// place. Rebuilding the engine (`self = RefreshClient(settings:)`) released the settings, the
  /// waiting line's and the steps' buffers and made them again, about 400 instructions a restart;
  /// here the settings stay and the emptied buffers are kept. A field added to the engine must be
  /// put back here too.
  private mutating func forget() {
    asks.removeAll()
    if !steps.isEmpty { steps.removeAll(keepingCapacity: true) }
    (failures, retriesUsed, previousDelay) = (0, 0, .zero)
    credentials = nil
    phase = .idle
    (throttle, lastAttempt, proactiveArmedFor) = (nil, nil, nil)
    budget = settings.policy.retryBudget
    rejectionsInARow = 0
    (forced, holdsLock, retryArmed, recoveryArmed, toldNotLoggedIn, touched) = (false, false, false, false, false, false)
  }

  /// Whether the refresh token was refused for good (needs-login), including while the refusal's
  /// finishing steps still run.
  var signedOut: Bool {
    switch phase {
    case .needsLogin, .finishing(then: .needsLogin): return true
    default: return false
    }
  }

  /// How fresh the held access token is now.
  func freshness(_ now: SimInstant) -> Freshness {
    guard let credentials, credentials.accessIsUsable(at: now, margin: policy.refreshWindow) else { return .expiring }
    if let advisory = policy.advisoryWindow, !credentials.accessIsUsable(at: now, margin: advisory) { return .advisory }
    return .fresh
  }

  /// Whether a token request may be sent now. Inlined where it is asked: called, it was handed
  /// a copy of the whole engine (a `memcpy` of its fields) at every refresh begun.
  @inline(__always)
  func attemptAllowed(_ now: SimInstant) -> Bool { now >= nextAttemptAllowed }

  /// The earliest instant a token request may be sent.
  var nextAttemptAllowed: SimInstant {
    // Host instants before the run's start exist (a clock behind true time): no throttle is
    // earlier than any of them.
    let always = SimInstant(microseconds: .min)
    let spaced = lastAttempt.flatMap { last in policy.minAttemptInterval.map { last + $0 } } ?? always
    return max(throttle ?? always, spaced)
  }
}

/// The refresh engine the built-in strategies share: it answers calls from the credentials it
/// holds, decides when to refresh (refresh, advisory and proactive windows), coordinates with the
/// other processes of its store (`Coordination`), and handles failures (backoff, Retry-After,
/// retry budget, attempt throttle, reaction to a refused refresh token, active recovery).
///
/// Each built-in strategy is this engine with its exemplar's parameters. It is sans-IO: it sees
/// only `StrategyEvent`s and answers with `StrategyAction`s.
public struct RefreshClient: RefreshStrategy {
  /// The shared knobs.
  public let policy: RefreshPolicy
  /// How processes sharing the store coordinate.
  public let coordination: Coordination

  var credentials: Credentials?
  var asks = WaitingCalls()
  var forced = false
  var phase: RefreshPhase?
  var steps: [RefreshStep] = []
  var holdsLock = false
  /// No token request before this instant (backoff, Retry-After, the shared throttle).
  var throttle: SimInstant?
  var lastAttempt: SimInstant?
  var failures = 0
  var retriesUsed = 0
  var previousDelay = SimDuration.zero
  var budget: RetryBudget?
  var dead = false
  var retrying = false
  var recoveryArmed = false
  var proactiveArmedFor: SimInstant?
  var nextRequest = 1

  /// Creates the engine.
  public init(policy: RefreshPolicy, coordination: Coordination) {
    self.policy = policy
    self.coordination = coordination
    budget = policy.retryBudget
  }

  public mutating func handle(_ event: StrategyEvent, context: inout StrategyContext) -> [StrategyAction] {
    switch event {
    case .started: return start()
    case .tokenNeeded(let ask, let force):
      asks.add(ask)
      forced = forced || force
      return serve(&context)
    case .apiRejected(_, let token, _): return apiRejected(token, &context)
    case .timerFired(let name): return timerFired(name, &context)
    case .storeRead(let result): return storeRead(result, &context)
    case .storeWritten: return stepDone(&context)
    case .lockGranted: return lockGranted(&context)
    case .lockUnavailable: return lockUnavailable(&context)
    case .refreshCompleted(let request, let reply):
      guard case .sending(request, let need)? = phase else { return [] }
      return completed(reply, need: need, &context)
    case .messageReceived, .messageFailed: return []
    }
  }

  private mutating func start() -> [StrategyAction] {
    let (releasing, request) = (release(), nextRequest)
    self = RefreshClient(policy: policy, coordination: coordination)
    (phase, nextRequest) = (.loading, request)
    return releasing + [.readStore]
  }

  /// How fresh the held access token is now.
  func freshness(_ now: SimInstant) -> Freshness {
    guard let credentials, credentials.accessIsUsable(at: now, margin: policy.refreshWindow) else { return .expiring }
    if let advisory = policy.advisoryWindow, !credentials.accessIsUsable(at: now, margin: advisory) { return .advisory }
    return .fresh
  }

  /// Whether a token request may be sent now.
  func attemptAllowed(_ now: SimInstant) -> Bool { now >= nextAttemptAllowed }

  /// The earliest instant a token request may be sent.
  var nextAttemptAllowed: SimInstant {
    let spaced = lastAttempt.flatMap { last in policy.minAttemptInterval.map { last + $0 } } ?? .start
    return max(throttle ?? .start, spaced)
  }
}

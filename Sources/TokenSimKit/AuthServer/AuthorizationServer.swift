/// The mock authorization server as one sans-IO value: a driver hands it requests and the current
/// server time, and carries out the steps it returns. The simulated world drives it through its
/// event queue; a socket loop could drive it with a real clock. It holds no processes, hosts or
/// event queue: a request is the driver's opaque number, time is passed in, and randomness comes
/// from the two streams it owns (`server/faults` for fault draws, `server/latency` for latency and
/// service times).
///
/// A token request goes: rate limit (429), fault draw (reset, hang, status: all before the commit
/// point), capacity (a slot, the queue, or 503), then the commit point where the ledger applies
/// the refresh, then the reply shaped by any fault (empty, malformed, lost after commit).
public struct AuthorizationServer {
  let config: ServerConfig
  var ledger: TokenLedger
  var faultPlan: FaultPlan
  private(set) var rateLimiter: RateLimiter?
  private(set) var capacity: CapacityQueue?
  var latencyRandom: RandomStream
  /// Requests admitted to capacity and not yet served (queued or in service), by request id: a
  /// line by the drivers' increasing numbers, with no hashing on every request.
  private(set) var waitingForService = KeyedLine<PendingRefresh>()

  /// A server configured by `config`, its random streams seeded from `seed`.
  public init(config: ServerConfig, seed: UInt64) {
    self.config = config
    ledger = TokenLedger(config: config)
    faultPlan = FaultPlan(rules: config.faults, random: RandomStream(rootSeed: seed, name: "server/faults"))
    rateLimiter = config.rateLimit.map(RateLimiter.init(config:))
    capacity = config.capacity.map(CapacityQueue.init(config:))
    latencyRandom = RandomStream(rootSeed: seed, name: "server/latency")
  }

  /// How many token requests the server is processing: admitted to capacity and not yet served.
  /// Every other request is decided at once (`receive` returns its fate).
  public var requestsInFlight: Int { waitingForService.count }

  /// Whether request `request` waits for, or is in, service.
  public func isInFlight(_ request: Int) -> Bool { waitingForService.contains(request) }

  /// Receives refresh_token grant `request` (an id of the driver's choosing, unique among those in
  /// flight) presenting `token` at `now`.
  public mutating func receive(_ request: Int, presenting token: RefreshToken, now: SimInstant) -> TokenEndpointStep {
    if rateLimiter?.admit(at: now) == false {
      let header = config.rateLimit?.retryAfter?.headerValue(at: now)
      return reply(status: 429, retryAfter: header, body: .oauthError(error: "rate_limited"), now: now)
    }
    let draw = faultPlan.draw(for: .token, at: now)
    switch draw.effect {
    case .reset?: return TokenEndpointStep(fate: .reset(at: now + .milliseconds(1)))
    case .hang?: return TokenEndpointStep(fate: .hang)
    case .status(let code, let retryAfter)?:
      return reply(
        status: code, retryAfter: retryAfter?.headerValue(at: now), body: .empty, extraLatency: draw.extraLatency, now: now)
    default:
      let pending = PendingRefresh(token: token, fault: draw.effect, extraLatency: draw.extraLatency)
      return admitForService(request, pending, now: now)
    }
  }

  private mutating func admitForService(_ request: Int, _ pending: PendingRefresh, now: SimInstant) -> TokenEndpointStep {
    switch capacity?.admit(request) {
    case nil: return serve(pending, now: now)
    case .serveNow?:
      wait(request, pending, now: now)
      return TokenEndpointStep(serviceDue: ServiceDue(request: request, at: now + sampleServiceTime()))
    case .queued?:
      wait(request, pending, now: now)
      return TokenEndpointStep()
    case .rejected?: return reply(status: 503, body: .empty, extraLatency: pending.extraLatency, now: now)
    }
  }

  private mutating func wait(_ request: Int, _ pending: PendingRefresh, now: SimInstant) {
    precondition(!waitingForService.contains(request), "token request \(request) received at \(now) while already in flight")
    waitingForService[request] = pending
  }

  /// The service of `request` ends at `now` (as a `serviceDue` asked): the slot passes to the next
  /// queued request, the refresh is applied (the commit point), and the reply is shaped.
  public mutating func finishService(_ request: Int, now: SimInstant) -> TokenEndpointStep {
    // The next service time is drawn before the reply's latency, as the step lists them.
    let next = capacity?.finish().map { ServiceDue(request: $0, at: now + sampleServiceTime()) }
    guard let pending = waitingForService.removeValue(forKey: request) else {
      preconditionFailure("token request \(request) finished service at \(now) but was not in service")
    }
    return serve(pending, now: now, serviceDue: next)
  }

  private mutating func sampleServiceTime() -> SimDuration {
    // The configuration's, not the queue's: binding the queue would copy (and retain) its line.
    guard let serviceTime = config.capacity?.serviceTime else {
      preconditionFailure("a service time asked of a server without capacity")
    }
    return serviceTime.sample(&latencyRandom)
  }

  /// The commit point, then the reply as the request's fault shapes it, with `serviceDue`.
  ///
  /// The step is built in one expression, its parts moved into it, and the reply is built once,
  /// dated, in the fate: a step, fate or reply bound to a name and then changed or passed on was
  /// copied and destroyed, strings and all. (The optimizer still builds the reply twice here and
  /// copies one out, about 175 instructions a request; binding the step, `consume`, the
  /// memberwise initializers and an inlined `HTTPReply.init` were tried and did not remove it.)
  private mutating func serve(_ pending: PendingRefresh, now: SimInstant, serviceDue: ServiceDue? = nil) -> TokenEndpointStep {
    let (commit, status, body) = self.commit(pending.token, now: now)
    return TokenEndpointStep(
      serviceDue: serviceDue, commit: commit, fate: fate(of: pending, status: status, body: body, now: now))
  }

  /// What becomes of a served request whose commit answered `status` and `body`, as its fault
  /// shapes it. The body is moved along, never read out of a value that holds it (a copy).
  private mutating func fate(
    of pending: PendingRefresh, status: consuming Int, body: consuming ReplyBody, now: SimInstant
  ) -> TokenRequestFate {
    switch pending.fault {
    case .lostAfterCommit?: return .lostAfterCommit
    case .empty?: (status, body) = (200, .empty)
    case .malformed?: (status, body) = (200, .malformed)
    default: break
    }
    return replyFate(status: status, body: body, extraLatency: pending.extraLatency, now: now)
  }

  /// The commit point: the ledger applies the refresh of `token`; returns the trace's account of
  /// it and the status and body the server answers with (the reply is built by `replyFate`).
  private mutating func commit(_ token: RefreshToken, now: SimInstant) -> (RefreshCommit, status: Int, body: ReplyBody) {
    switch ledger.refresh(token, now: now) {
    case .issued(let grant, let family, let withinLeeway):
      let commit = RefreshCommit(
        decision: withinLeeway ? .issuedInLeeway : .issued, family: family,
        refreshExpiry: ledger.refreshExpiry(ofFamily: family))
      return (commit, 200, .tokens(grant: grant))
    case .refused(let refusal, let family):
      var commit = RefreshCommit(decision: ServerDecision(refusal), family: family)
      if refusal == .reuse, family != nil {
        commit.reusedToken = token.serial
        commit.revokedFamily = config.onReuse == .revokeFamily
      }
      let (status, code) = config.errorFormat.refusal
      return (commit, status, .oauthError(error: code))
    }
  }

  /// A reply of `status` with `body` and `retryAfter`, built in its fate: dated `now`, reaching
  /// the client after the endpoint's latency and `extraLatency`.
  private mutating func reply(
    status: Int, retryAfter: String? = nil, body: consuming ReplyBody, extraLatency: SimDuration = .zero, now: SimInstant
  ) -> TokenEndpointStep {
    TokenEndpointStep(fate: replyFate(status: status, retryAfter: retryAfter, body: body, extraLatency: extraLatency, now: now))
  }

  /// The fate of a reply of `status` with `body`: built here, dated `now`, in the fate that
  /// carries it (the date set on a reply built elsewhere copied it).
  private mutating func replyFate(
    status: Int, retryAfter: String? = nil, body: consuming ReplyBody, extraLatency: SimDuration, now: SimInstant
  ) -> TokenRequestFate {
    let at = now + (config.tokenLatency.sample(&latencyRandom) + extraLatency)
    return .reply(HTTPReply(status: status, retryAfter: retryAfter, date: now.roundedDownToSecond, body: body), at: at)
  }
}

/// A refresh admitted to capacity, kept until its service ends.
struct PendingRefresh {
  let token: RefreshToken
  /// The fault drawn at arrival that shapes the reply (empty, malformed, lost after commit).
  let fault: FaultEffect?
  let extraLatency: SimDuration
}

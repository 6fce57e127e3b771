extension RefreshClient {
  /// Answers the calls waiting, and starts a refresh when one is needed and allowed.
  mutating func serve(_ context: inout StrategyContext) -> [StrategyAction] {
    guard phase != .loading else { return [] }
    if signedOut { return denyAll("needs login") }
    let now = context.now
    let freshness = freshness(now)
    let called = !asks.isEmpty
    if !forced, freshness != .expiring, let token = credentials?.accessToken {
      let grants = grantAll(token)
      let wantsAdvisory = freshness == .advisory && called && phase == .idle && policy.refreshOnDemand
      return wantsAdvisory && attemptAllowed(now) ? grants + begin(.optional, &context) : grants
    }
    guard called else { return [] }
    guard policy.refreshOnDemand else { return grantStale() }
    guard phase == .idle, !retryArmed else { return [] }
    guard attemptAllowed(now) || policy.whenThrottled == .ignore else {
      guard policy.whenThrottled == .wait else { return denyAll("refresh throttled") }
      retryArmed = true
      return [.setTimer(name: .retry, at: nextAttemptAllowed)]
    }
    return begin(.required, &context)
  }

  /// Starts a refresh by the coordinator's first move.
  mutating func begin(_ need: RefreshNeed, _ context: inout StrategyContext) -> [StrategyAction] {
    perform(coordination.begin(), for: need, &context)
  }

  /// Carries out a coordinator's move in a refresh wanted for `need`.
  mutating func perform(_ move: CoordinationMove, for need: RefreshNeed, _ context: inout StrategyContext)
    -> [StrategyAction]
  {
    switch move {
    case .send: return send(need, &context)
    case .check:
      phase = .checking(need)
      return [.readStore]
    case .lockThenCheck(let wait):
      phase = .locking(need)
      return [.acquireLock(wait: wait)]
    case .waitForTurn(let until):
      guard let timer = coordination.turnTimer else { preconditionFailure("a coordinator that waits names its turn timer") }
      phase = .waitingForTurn(need)
      return release() + [.setTimer(name: timer, at: until)]
    case .stepsThenSend(let steps):
      self.steps = steps
      phase = .finishing(then: .send(need))
      return runSteps(&context)
    case .fail(let reason):
      phase = .idle
      return denyAll(reason)
    }
  }

  /// Sends the token request with the refresh token held.
  mutating func send(_ need: RefreshNeed, _ context: inout StrategyContext) -> [StrategyAction] {
    guard let refreshToken = credentials?.refreshToken else {
      phase = .idle
      return release() + denyAll("not logged in")
    }
    let request = nextRequest
    nextRequest += 1
    lastAttempt = context.now
    phase = .sending(request: request, need: need)
    return [.sendRefresh(request: request, refreshToken: refreshToken, timeout: policy.requestTimeout)]
  }

  /// Grants every waiting call `token`.
  mutating func grantAll(_ token: AccessToken) -> [StrategyAction] { asks.grantAll(token) }

  /// Fails every waiting call.
  mutating func denyAll(_ reason: String) -> [StrategyAction] { asks.denyAll(reason) }

  /// Grants the access token held even though it may have expired (a client that leaves
  /// refreshing to its timer), or fails the calls when there is none.
  mutating func grantStale() -> [StrategyAction] {
    guard let token = credentials?.accessToken else { return denyAll("no access token") }
    return grantAll(token)
  }

  /// Releases the lock when it is held.
  mutating func release() -> [StrategyAction] {
    guard holdsLock else { return [] }
    holdsLock = false
    return [.releaseLock]
  }

  /// Arms the `refresh` timer for the held token's proactive moment, once per token; with a
  /// `schedulerTick`, for the loop's next check instead.
  mutating func armProactive(_ now: SimInstant) -> [StrategyAction] {
    guard let window = policy.proactiveWindow, !signedOut, let expiry = credentials?.accessExpiresAt,
      proactiveArmedFor != expiry, proactiveArmedFor != .never
    else { return [] }
    if let tick = policy.schedulerTick {
      proactiveArmedFor = .never  // the loop runs from now on; each check arms the next
      return [.setTimer(name: .refresh, at: now + tick)]
    }
    proactiveArmedFor = expiry
    return [.setTimer(name: .refresh, at: max(expiry - window, now + .seconds(1)))]
  }
}

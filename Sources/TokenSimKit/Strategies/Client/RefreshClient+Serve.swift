extension RefreshClient {
  /// Answers the calls waiting and `arriving`, a call that has just asked, and starts a refresh
  /// when one is needed and allowed. A call granted at once when none waits is answered without
  /// joining the waiting calls (the same grant, without adding it to the line and emptying it).
  mutating func serve(_ context: inout StrategyContext, _ actions: inout [StrategyAction], arriving ask: Int? = nil) {
    guard phase != .loading, !signedOut else {
      if let ask { asks.add(ask) }
      if phase != .loading { denyAll("needs login", &actions) }
      return
    }
    let now = context.now
    let freshness = freshness(now)
    let called = ask != nil || !asks.isEmpty
    if !forced, freshness != .expiring, let token = credentials?.accessToken {
      grantAll(token, arriving: ask, &actions)
      let wantsAdvisory = freshness == .advisory && called && phase == .idle && policy.refreshOnDemand
      if wantsAdvisory && attemptAllowed(now) { begin(.optional, &context, &actions) }
      return
    }
    if let ask { asks.add(ask) }
    guard called else { return }
    guard policy.refreshOnDemand else { return grantStale(&actions) }
    guard phase == .idle, !retryArmed else { return }
    guard attemptAllowed(now) || policy.whenThrottled == .ignore else {
      guard policy.whenThrottled == .wait else { return denyAll("refresh throttled", &actions) }
      retryArmed = true
      return actions.append(.setTimer(name: .retry, at: nextAttemptAllowed))
    }
    begin(.required, &context, &actions)
  }

  /// Starts a refresh by the coordinator's first move.
  mutating func begin(_ need: RefreshNeed, _ context: inout StrategyContext, _ actions: inout [StrategyAction]) {
    perform(coordination.begin(), for: need, &context, &actions)
  }

  /// Carries out a coordinator's move in a refresh wanted for `need`.
  mutating func perform(
    _ move: CoordinationMove, for need: RefreshNeed, _ context: inout StrategyContext, _ actions: inout [StrategyAction]
  ) {
    switch move {
    case .send: send(need, &context, &actions)
    case .check:
      phase = .checking(need, tornReads: 0)
      actions.append(.readStore)
    case .lockThenCheck(let wait):
      phase = .locking(need)
      actions.append(.acquireLock(wait: wait))
    case .waitForTurn(let until):
      guard let timer = coordination.turnTimer else { preconditionFailure("a coordinator that waits names its turn timer") }
      phase = .waitingForTurn(need)
      release(&actions)
      actions.append(.setTimer(name: timer, at: until))
    case .stepsThenSend(let steps):
      self.steps = steps
      phase = .finishing(then: .send(need))
      runSteps(&context, &actions)
    case .fail(let reason):
      phase = .idle
      denyAll(reason, &actions)
    }
  }

  /// Sends the token request with the refresh token held.
  mutating func send(_ need: RefreshNeed, _ context: inout StrategyContext, _ actions: inout [StrategyAction]) {
    guard let refreshToken = credentials?.refreshToken else {
      phase = .idle
      release(&actions)
      return notLoggedIn("not logged in", &actions)
    }
    let request = nextRequest
    nextRequest += 1
    lastAttempt = context.now
    phase = .sending(request: request, need: need)
    actions.append(.sendRefresh(request: request, refreshToken: refreshToken, timeout: policy.requestTimeout))
  }

  /// Grants every waiting call `token`.
  mutating func grantAll(_ token: AccessToken, _ actions: inout [StrategyAction]) { asks.grantAll(token, into: &actions) }

  /// Grants every waiting call and `arriving` `token`; when none waits, the arriving call is
  /// answered without joining the line (which would be emptied again at once).
  mutating func grantAll(_ token: AccessToken, arriving ask: Int?, _ actions: inout [StrategyAction]) {
    guard let ask else { return grantAll(token, &actions) }
    guard asks.isEmpty else {
      asks.add(ask)
      return grantAll(token, &actions)
    }
    actions.append(.grant(ask: ask, token: token))
  }

  /// Fails every waiting call.
  mutating func denyAll(_ reason: String, _ actions: inout [StrategyAction]) { asks.denyAll(reason, into: &actions) }

  /// Grants the access token held even though it may have expired (a client that leaves
  /// refreshing to its timer), or fails the calls when there is none.
  mutating func grantStale(_ actions: inout [StrategyAction]) {
    guard let token = credentials?.accessToken else { return notLoggedIn("no access token", &actions) }
    grantAll(token, &actions)
  }

  /// Releases the lock when it is held.
  mutating func release(_ actions: inout [StrategyAction]) {
    guard holdsLock else { return }
    holdsLock = false
    actions.append(.releaseLock)
  }

  /// Arms the `refresh` timer for the held token's proactive moment, once per token; with a
  /// `schedulerTick`, for the loop's next check instead.
  mutating func armProactive(_ now: SimInstant, _ actions: inout [StrategyAction]) {
    guard let window = policy.proactiveWindow, !signedOut, let expiry = credentials?.accessExpiresAt,
      proactiveArmedFor != expiry, proactiveArmedFor != .never
    else { return }
    if let tick = policy.schedulerTick {
      proactiveArmedFor = .never  // the loop runs from now on; each check arms the next
      return actions.append(.setTimer(name: .refresh, at: now + tick))
    }
    proactiveArmedFor = expiry
    actions.append(.setTimer(name: .refresh, at: max(expiry - window, now + .seconds(1))))
  }
}

extension RefreshClient {
  /// The token request ended.
  mutating func completed(
    _ reply: TokenEndpointReply, need: RefreshNeed, _ context: inout StrategyContext, _ actions: inout [StrategyAction]
  ) {
    switch reply.verdict {
    case .success(let grant): succeeded(grant, &context, &actions)
    case .transient(let retryAfter): failedTransiently(need, retryAfter, date: reply.date, &context, &actions)
    case .rejected: rejected(&context, &actions)
    }
  }

  private mutating func succeeded(_ grant: TokenGrant, _ context: inout StrategyContext, _ actions: inout [StrategyAction]) {
    let now = context.now
    let expiry = policy.expiryFrom == .expiresAt ? grant.expiresAt ?? now + grant.expiresIn : now + grant.expiresIn
    let updated = Credentials(
      accessToken: grant.accessToken, accessExpiresAt: expiry,
      refreshToken: grant.refreshToken ?? credentials?.refreshToken)
    credentials = updated
    (failures, retriesUsed, throttle, forced, retryArmed, rejectionsInARow) = (0, 0, nil, false, false, 0)
    budget?.recordSuccess()
    let pair = StoreContents(credentials: updated)
    switch coordination.storing(pair) {
    case .writeAtOnce:
      actions.append(.writeStore(contents: pair))
      grantAll(grant.accessToken, &actions)
      armProactive(now, &actions)
      phase = .idle
    case .steps(let storing):
      grantAll(grant.accessToken, &actions)
      armProactive(now, &actions)
      steps = storing
      phase = .finishing(then: .idle)
      runSteps(&context, &actions)
    }
  }

  private mutating func failedTransiently(
    _ need: RefreshNeed, _ retryAfter: String?, date: SimInstant?, _ context: inout StrategyContext,
    _ actions: inout [StrategyAction]
  ) {
    let now = context.now
    failures += 1
    budget?.recordFailure()
    let delay = policy.backoff.delay(afterFailures: failures, previous: previousDelay, random: &context.random)
    previousDelay = delay
    // Seed 003: the deadline from Retry-After when there is one, the jitter only when there is not.
    let serverDate = policy.retryAfterClock == .replyDate ? date : nil
    let told =
      policy.honorRetryAfter
      ? retryAfter.flatMap { RetryAfter.deadline(header: $0, now: now, cap: policy.retryAfterCap, serverDate: serverDate) }
      : nil
    let deadline = policy.retryAfterUse.deadline(backoff: now + delay, told: told)
    throttle = deadline
    steps = coordination.afterFailure(holding: credentials, throttle: deadline)
    phase = .finishing(then: .idle)
    // An optional refresh keeps the token only while it still serves calls: one that expired (or
    // entered the refresh window) while the request was out makes the waiting calls' refresh a
    // required one, so that an expired token never reaches the API.
    let stillUsable = freshness(now) != .expiring || asks.isEmpty
    if need == .optional && stillUsable {
      keepUsingToken(until: deadline, &actions)
    } else {
      retryOrFail(at: deadline, now: now, &actions)
    }
    runSteps(&context, &actions)
  }

  /// An advisory or proactive refresh failed and the token still serves calls (or none wait):
  /// use it, and try again later.
  private mutating func keepUsingToken(until deadline: SimInstant, _ actions: inout [StrategyAction]) {
    if let token = credentials?.accessToken { grantAll(token, &actions) }
    guard policy.proactiveWindow != nil else { return }
    actions.append(.setTimer(name: .refresh, at: deadline))
  }

  /// A required refresh failed: retry while retries and budget last (calls wait), else fail the
  /// calls and, with active recovery, keep trying on a timer.
  private mutating func retryOrFail(at deadline: SimInstant, now: SimInstant, _ actions: inout [StrategyAction]) {
    let mayRetry = retriesUsed < policy.maxRetries && budget?.allowsRetry != false
    if mayRetry || policy.whenThrottled == .wait {
      retriesUsed += 1
      retryArmed = true
      return actions.append(.setTimer(name: .retry, at: deadline))
    }
    retriesUsed = 0
    denyAll("refresh failed", &actions)
    armRecovery(now, &actions)
  }

  private mutating func rejected(_ context: inout StrategyContext, _ actions: inout [StrategyAction]) {
    let refused = credentials?.refreshToken
    (failures, retriesUsed, retryArmed) = (0, 0, false)
    steps = coordination.afterFailure(holding: credentials, throttle: nil)
    switch policy.onRejected {
    case .restartWorkLoop:
      phase = .finishing(then: .idle)
      denyAll("refresh token refused", &actions)
      runSteps(&context, &actions)
      actions.append(.restartWorkLoop)
    case .rereadRetryOnce:
      phase = .finishing(then: .reread(rejected: refused))
      runSteps(&context, &actions)
    case .needsLogin:
      phase = .finishing(then: .needsLogin)
      raiseNeedsLogin(&actions)
      runSteps(&context, &actions)
    }
  }

  /// The refresh token is dead: tell a person and fail the calls; the caller enters the
  /// needs-login phase, in which calls are denied and the dead token never presented again. The
  /// alert goes first: a CLI exits as soon as its call is denied.
  mutating func raiseNeedsLogin(_ actions: inout [StrategyAction]) {
    actions.append(.raiseAlert(message: "the refresh token was refused; sign in again"))
    denyAll("needs login", &actions)
  }

  /// The client needs a token and has nothing to get one with; fails the calls with `reason`.
  /// When no store read gave this process a pair (its store was empty, or torn, at its start and
  /// at every reread its coordination made since), it also tells a person, once per start, before
  /// the calls fail (a CLI exits at its denial): the store holds no session, as `gh`, `gcloud` or
  /// `aws` say "not logged in" when they find no credentials or cannot parse them. A client that
  /// rereads before refreshing reaches this only after that reread also found no pair, so a torn
  /// read of a write in progress followed by a whole one raises nothing. A process that holds a
  /// pair without a refresh token (an access-token snapshot in its environment) was given what it
  /// has and raises nothing here.
  mutating func notLoggedIn(_ reason: String, _ actions: inout [StrategyAction]) {
    if credentials == nil { NoSessionAlert.raise(once: &toldNotLoggedIn, into: &actions) }
    denyAll(reason, &actions)
  }

  /// Arms the active-recovery timer when the policy has one and it is not armed.
  mutating func armRecovery(_ now: SimInstant, _ actions: inout [StrategyAction]) {
    guard let interval = policy.recoveryInterval, !recoveryArmed, !signedOut else { return }
    recoveryArmed = true
    actions.append(.setTimer(name: .recover, at: now + interval))
  }
}

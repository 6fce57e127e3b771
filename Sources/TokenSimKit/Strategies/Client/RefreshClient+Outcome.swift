extension RefreshClient {
  /// The token request ended.
  mutating func completed(
    _ reply: TokenEndpointReply, need: RefreshNeed, _ context: inout StrategyContext
  ) -> [StrategyAction] {
    switch reply.classification {
    case .success(let grant): return succeeded(grant, &context)
    case .failure(.transient(let retryAfter, _)): return failedTransiently(need, retryAfter, &context)
    case .failure(.rejected): return rejected(&context)
    }
  }

  private mutating func succeeded(_ grant: TokenGrant, _ context: inout StrategyContext) -> [StrategyAction] {
    let now = context.now
    let updated = Credentials(
      accessToken: grant.accessToken, accessExpiresAt: now + grant.expiresIn,
      refreshToken: grant.refreshToken ?? credentials?.refreshToken)
    credentials = updated
    (failures, retriesUsed, throttle, forced, retryArmed) = (0, 0, nil, false, false)
    budget?.recordSuccess()
    let pair = StoreContents(credentials: updated)
    let grants = grantAll(grant.accessToken) + armProactive(now)
    switch coordination.storing(pair) {
    case .writeAtOnce:
      phase = .idle
      return [.writeStore(contents: pair)] + grants
    case .steps(let storing):
      steps = storing
      phase = .finishing(then: .idle)
      return grants + runSteps(&context)
    }
  }

  private mutating func failedTransiently(
    _ need: RefreshNeed, _ retryAfter: String?, _ context: inout StrategyContext
  ) -> [StrategyAction] {
    let now = context.now
    failures += 1
    budget?.recordFailure()
    let delay = policy.backoff.delay(afterFailures: failures, previous: previousDelay, random: &context.random)
    previousDelay = delay
    // Seed 003: the deadline from Retry-After when there is one, the jitter only when there is not.
    let told =
      policy.honorRetryAfter
      ? retryAfter.flatMap { RetryAfter.deadline(header: $0, now: now, cap: policy.retryAfterCap) } : nil
    let deadline = policy.retryAfterUse.deadline(backoff: now + delay, told: told)
    throttle = deadline
    steps = coordination.afterFailure(holding: credentials, throttle: deadline)
    phase = .finishing(then: .idle)
    // An optional refresh keeps the token only while it still serves calls: one that expired (or
    // entered the refresh window) while the request was out makes the waiting calls' refresh a
    // required one, so that an expired token never reaches the API.
    let stillUsable = freshness(now) != .expiring || asks.isEmpty
    let decision =
      need == .optional && stillUsable ? keepUsingToken(until: deadline) : retryOrFail(at: deadline, now: now)
    return decision + runSteps(&context)
  }

  /// An advisory or proactive refresh failed and the token still serves calls (or none wait):
  /// use it, and try again later.
  private mutating func keepUsingToken(until deadline: SimInstant) -> [StrategyAction] {
    let grants = credentials?.accessToken.map { grantAll($0) } ?? []
    guard policy.proactiveWindow != nil else { return grants }
    return grants + [.setTimer(name: .refresh, at: deadline)]
  }

  /// A required refresh failed: retry while retries and budget last (calls wait), else fail the
  /// calls and, with active recovery, keep trying on a timer.
  private mutating func retryOrFail(at deadline: SimInstant, now: SimInstant) -> [StrategyAction] {
    let mayRetry = retriesUsed < policy.maxRetries && budget?.allowsRetry != false
    if mayRetry || policy.whenThrottled == .wait {
      retriesUsed += 1
      retryArmed = true
      return [.setTimer(name: .retry, at: deadline)]
    }
    retriesUsed = 0
    return denyAll("refresh failed") + armRecovery(now)
  }

  private mutating func rejected(_ context: inout StrategyContext) -> [StrategyAction] {
    let refused = credentials?.refreshToken
    (failures, retriesUsed, retryArmed) = (0, 0, false)
    steps = coordination.afterFailure(holding: credentials, throttle: nil)
    switch policy.onRejected {
    case .restartWorkLoop:
      phase = .finishing(then: .idle)
      let denials = denyAll("refresh token refused")
      return denials + runSteps(&context) + [.restartWorkLoop]
    case .rereadRetryOnce:
      phase = .finishing(then: .reread(rejected: refused))
      return runSteps(&context)
    case .needsLogin:
      phase = .finishing(then: .needsLogin)
      return raiseNeedsLogin() + runSteps(&context)
    }
  }

  /// The refresh token is dead: tell a person and fail the calls; the caller enters the
  /// needs-login phase, in which calls are denied and the dead token never presented again. The
  /// alert goes first: a CLI exits as soon as its call is denied.
  mutating func raiseNeedsLogin() -> [StrategyAction] {
    [.raiseAlert(message: "the refresh token was refused; sign in again")] + denyAll("needs login")
  }

  /// Arms the active-recovery timer when the policy has one and it is not armed.
  mutating func armRecovery(_ now: SimInstant) -> [StrategyAction] {
    guard let interval = policy.recoveryInterval, !recoveryArmed, !signedOut else { return [] }
    recoveryArmed = true
    return [.setTimer(name: .recover, at: now + interval)]
  }
}

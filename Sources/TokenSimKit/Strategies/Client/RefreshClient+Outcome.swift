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
    (failures, retriesUsed, throttle, forced, retrying) = (0, 0, nil, false, false)
    budget?.recordSuccess()
    let stored = StoreContents(credentials: updated)
    let grants = grantAll(grant.accessToken) + armProactive(now)
    switch coordination {
    case .none, .reread:
      phase = nil
      return [.writeStore(contents: stored)] + grants
    case .lockOnWrite(let wait): steps = [.lock(wait), .write(stored), .release]
    case .lockWholeRefresh: steps = [.write(stored), .release]
    case .lease(let settings): steps = [.lock(settings.lockWait), .write(stored), .release]
    }
    phase = .finishing(then: .idle)
    return grants + runSteps(&context)
  }

  private mutating func failedTransiently(
    _ need: RefreshNeed, _ retryAfter: String?, _ context: inout StrategyContext
  ) -> [StrategyAction] {
    let now = context.now
    failures += 1
    budget?.recordFailure()
    let delay = policy.backoff.delay(afterFailures: failures, previous: previousDelay, random: &context.random)
    previousDelay = delay
    var deadline = now + delay
    if policy.honorRetryAfter, let header = retryAfter,
      let told = RetryAfter.deadline(header: header, now: now, cap: policy.retryAfterCap)
    {
      deadline = max(deadline, told)
    }
    throttle = deadline
    steps = finishingSteps(throttle: deadline)
    phase = .finishing(then: .idle)
    let decision = need == .optional ? keepUsingToken(until: deadline) : retryOrFail(at: deadline, now: now)
    return decision + runSteps(&context)
  }

  /// An advisory or proactive refresh failed: the token is still valid; try again later.
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
      retrying = true
      return [.setTimer(name: .retry, at: deadline)]
    }
    retriesUsed = 0
    return denyAll("refresh failed") + armRecovery(now)
  }

  private mutating func rejected(_ context: inout StrategyContext) -> [StrategyAction] {
    let refused = credentials?.refreshToken
    (failures, retriesUsed, retrying) = (0, 0, false)
    steps = finishingSteps(throttle: nil)
    switch policy.onRejected {
    case .restartWorkLoop:
      phase = .finishing(then: .idle)
      let denials = denyAll("refresh token refused")
      return denials + runSteps(&context) + [.restartWorkLoop]
    case .rereadRetryOnce:
      phase = .finishing(then: .reread(rejected: refused))
      return runSteps(&context)
    case .needsLogin:
      phase = .finishing(then: .idle)
      return needsLogin() + runSteps(&context)
    }
  }

  /// What must be undone or shared after a failed request: the lock held across the refresh, or
  /// the lease (released, with the shared throttle set to `throttle`).
  private func finishingSteps(throttle: SimInstant?) -> [RefreshStep] {
    switch coordination {
    case .lease(let settings):
      let contents = StoreContents(credentials: credentials, lease: nil, nextRefreshAt: throttle)
      return [.lock(settings.lockWait), .write(contents), .release]
    default:
      return holdsLock ? [.release] : []
    }
  }

  /// The refresh token is dead: tell a person once and stop presenting it. The alert goes first:
  /// a CLI exits as soon as its call is denied.
  mutating func needsLogin() -> [StrategyAction] {
    guard !dead else { return denyAll("needs login") }
    dead = true
    return [.raiseAlert(message: "the refresh token was refused; sign in again")] + denyAll("needs login")
  }

  /// Arms the active-recovery timer when the policy has one and it is not armed.
  mutating func armRecovery(_ now: SimInstant) -> [StrategyAction] {
    guard let interval = policy.recoveryInterval, !recoveryArmed, !dead else { return [] }
    recoveryArmed = true
    return [.setTimer(name: .recover, at: now + interval)]
  }
}

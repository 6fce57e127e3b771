extension RefreshClient {
  /// A timer fired: `refresh` (proactive), `retry` (backoff), `recover` (active recovery) or
  /// `lease` (another holder's lease may have lapsed).
  mutating func timerFired(_ name: TimerName, _ context: inout StrategyContext) -> [StrategyAction] {
    switch name {
    case .refresh: return proactiveRefresh(&context)
    case .retry:
      guard retrying else { return [] }
      retrying = false
      guard phase == nil, !asks.isEmpty else { return serve(&context) }
      return begin(.required, &context)
    case .recover:
      recoveryArmed = false
      guard !dead, phase == nil, freshness(context.now) == .expiring else { return [] }
      return begin(.required, &context)
    case .lease:
      guard case .waitingForLease(let need)? = phase else { return [] }
      phase = nil
      return begin(need, &context)
    default:
      return []
    }
  }

  private mutating func proactiveRefresh(_ context: inout StrategyContext) -> [StrategyAction] {
    guard let window = policy.proactiveWindow, !dead, phase == nil, let credentials else { return [] }
    let now = context.now
    if credentials.accessIsUsable(at: now, margin: window) {
      proactiveArmedFor = nil
      return armProactive(now)
    }
    guard attemptAllowed(now) else { return [.setTimer(name: .refresh, at: nextAttemptAllowed)] }
    return begin(freshness(now).need ?? .optional, &context)
  }

  /// The API refused an access token this client granted.
  mutating func apiRejected(_ token: AccessToken, _ context: inout StrategyContext) -> [StrategyAction] {
    guard credentials?.accessToken == token else { return [] }
    if policy.onAPIRejected == .refresh { credentials?.accessToken = nil }
    return policy.refreshOnDemand ? [] : armRecovery(context.now)
  }
}

extension TimerName {
  /// The engine retries a required refresh after a backoff, a Retry-After or a throttle.
  static let retry = TimerName("retry")
  /// The engine tries again after its retries ran out (active recovery).
  static let recover = TimerName("recover")
  /// Another process's lease may have lapsed: begin the refresh again.
  static let lease = TimerName("lease")
}

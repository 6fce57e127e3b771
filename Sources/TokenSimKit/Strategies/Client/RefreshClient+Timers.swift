extension RefreshClient {
  /// A timer fired: `refresh` (proactive), `retry` (backoff), `recover` (active recovery), or
  /// the coordinator's `turnTimer` (another process's refresh may be over).
  mutating func timerFired(_ name: TimerName, _ context: inout StrategyContext) -> [StrategyAction] {
    switch name {
    case .refresh: return proactiveRefresh(&context)
    case .retry:
      guard retryArmed else { return [] }
      retryArmed = false
      guard phase == .idle, !asks.isEmpty else { return serve(&context) }
      return begin(.required, &context)
    case .recover:
      recoveryArmed = false
      guard phase == .idle, freshness(context.now) == .expiring else { return [] }
      return begin(.required, &context)
    default:
      guard name == coordination.turnTimer, case .waitingForTurn(let need) = phase else { return [] }
      phase = .idle
      return begin(need, &context)
    }
  }

  private mutating func proactiveRefresh(_ context: inout StrategyContext) -> [StrategyAction] {
    guard let window = policy.proactiveWindow, phase == .idle, let credentials else { return [] }
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
}

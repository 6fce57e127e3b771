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
    let now = context.now
    // A scheduler loop (`schedulerTick`) checks again one tick later, whatever this check does.
    let loop = policy.schedulerTick.map { [StrategyAction.setTimer(name: .refresh, at: now + $0)] }
    guard let window = policy.proactiveWindow, phase == .idle, let credentials else { return loop ?? [] }
    if credentials.accessIsUsable(at: now, margin: window) {
      if let loop { return loop }
      proactiveArmedFor = nil
      return armProactive(now)
    }
    guard attemptAllowed(now) else { return loop ?? [.setTimer(name: .refresh, at: nextAttemptAllowed)] }
    return (loop ?? []) + begin(freshness(now).need ?? .optional, &context)
  }

  /// The API refused an access token this client granted for `ask`: drop it (or not), and with
  /// `retryRejectedCall` send the call once more with the token the next serve gives, reread or
  /// refreshed, when that will not be the refused one.
  mutating func apiRejected(ask: Int, _ token: AccessToken, _ context: inout StrategyContext) -> [StrategyAction] {
    var actions: [StrategyAction] = []
    if credentials?.accessToken == token {
      if policy.onAPIRejected == .refresh { credentials?.accessToken = nil }
      rejectionsInARow += 1
      if !policy.refreshOnDemand, rejectionsInARow >= policy.recoveryAfterRejections {
        actions += armRecovery(context.now)
      }
    }
    guard policy.retryRejectedCall, credentials?.accessToken != token, !signedOut else { return actions }
    asks.add(ask)
    return actions + [.retryCall(ask: ask)] + serve(&context)
  }
}

extension TimerName {
  /// The engine retries a required refresh after a backoff, a Retry-After or a throttle.
  static let retry = TimerName("retry")
  /// The engine tries again after its retries ran out (active recovery).
  static let recover = TimerName("recover")
}

extension RefreshClient {
  /// A timer fired: `refresh` (proactive), `retry` (backoff), `recover` (active recovery),
  /// `reread` (the pause after a torn reread following a refusal or before a refresh), or
  /// the coordinator's `turnTimer` (another process's refresh may be over).
  mutating func timerFired(_ name: TimerName, _ context: inout StrategyContext, _ actions: inout [StrategyAction]) {
    switch name {
    case .refresh: proactiveRefresh(&context, &actions)
    case .retry:
      guard retryArmed else { return }
      retryArmed = false
      guard phase == .idle, !asks.isEmpty else { return serve(&context, &actions) }
      begin(.required, &context, &actions)
    case .recover:
      recoveryArmed = false
      guard phase == .idle, freshness(context.now) == .expiring else { return }
      begin(.required, &context, &actions)
    case .reread: readAgain(&actions)
    default:
      guard name == coordination.turnTimer, case .waitingForTurn(let need) = phase else { return }
      phase = .idle
      begin(need, &context, &actions)
    }
  }

  /// The pause after a torn reread is over: read the store again, for the refusal or for the
  /// check before a refresh (`TornRereadRetry`); a restart since forgot the reread.
  private mutating func readAgain(_ actions: inout [StrategyAction]) {
    switch phase {
    case .pausingBeforeReread(let rejected, let tornReads): phase = .rereadingAfterRejection(rejected, tornReads: tornReads)
    case .pausingBeforeCheck(let need, let tornReads): phase = .checking(need, tornReads: tornReads)
    default: return
    }
    actions.append(.readStore)
  }

  private mutating func proactiveRefresh(_ context: inout StrategyContext, _ actions: inout [StrategyAction]) {
    let now = context.now
    // A scheduler loop (`schedulerTick`) checks again one tick later, whatever this check does.
    let loop = policy.schedulerTick.map { StrategyAction.setTimer(name: .refresh, at: now + $0) }
    guard let window = policy.proactiveWindow, phase == .idle, let credentials else {
      if let loop { actions.append(loop) }
      return
    }
    if credentials.accessIsUsable(at: now, margin: window) {
      if let loop { return actions.append(loop) }
      proactiveArmedFor = nil
      return armProactive(now, &actions)
    }
    guard attemptAllowed(now) else { return actions.append(loop ?? .setTimer(name: .refresh, at: nextAttemptAllowed)) }
    if let loop { actions.append(loop) }
    begin(freshness(now).need ?? .optional, &context, &actions)
  }

  /// The API refused an access token this client granted for `ask`: drop it (or not), and with
  /// `retryRejectedCall` send the call once more with the token the next serve gives, reread or
  /// refreshed, when that will not be the refused one.
  mutating func apiRejected(
    ask: Int, _ token: AccessToken, _ context: inout StrategyContext, _ actions: inout [StrategyAction]
  ) {
    if credentials?.accessToken == token {
      if policy.onAPIRejected == .refresh { credentials?.accessToken = nil }
      rejectionsInARow += 1
      if !policy.refreshOnDemand, rejectionsInARow >= policy.recoveryAfterRejections {
        armRecovery(context.now, &actions)
      }
    }
    guard policy.retryRejectedCall, credentials?.accessToken != token, !signedOut else { return }
    asks.add(ask)
    actions.append(.retryCall(ask: ask))
    serve(&context, &actions)
  }
}

extension TimerName {
  /// The engine retries a required refresh after a backoff, a Retry-After or a throttle.
  static let retry = TimerName("retry")
  /// The engine tries again after its retries ran out (active recovery).
  static let recover = TimerName("recover")
  /// The engine reads the store again after a torn reread that followed a refusal, or a torn
  /// check before a refresh where the coordination retries it (`TornRereadRetry`).
  static let reread = TimerName("reread")
}

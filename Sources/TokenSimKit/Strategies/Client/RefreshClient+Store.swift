extension RefreshClient {
  /// A store read finished: at start, before a refresh, or after a refusal.
  mutating func storeRead(_ result: StoreReadResult, _ context: inout StrategyContext, _ actions: inout [StrategyAction]) {
    switch phase {
    case .loading:
      // A torn or empty read leaves no pair: the refresh the first call starts rereads (if the
      // coordination does) and, still finding none, tells a person once (`notLoggedIn`).
      phase = .idle
      if case .contents(let contents) = result {
        credentials = contents.credentials
        adoptThrottle(contents)
      }
      armProactive(context.now, &actions)
      startupCheck(&context, &actions)
      serve(&context, &actions)
    case .checking(let need, let tornReads) where result == .torn && coordination.retriesTornReads:
      tornCheck(need, tornReads: tornReads, &context, &actions)
    case .checking(let need, _):
      if case .contents(let contents) = result {
        adoptThrottle(contents)
        if adoptNewer(contents) { forced = false }
      }
      afterCheck(need, result, &context, &actions)
    case .rereadingAfterRejection(let rejected, let tornReads):
      rereadAfterRejection(result, rejected: rejected, tornReads: tornReads, &context, &actions)
    default:
      return
    }
  }

  /// The reread after a refusal finished. Where the coordination's client retries a read that
  /// fails to parse (`retriesTornReads`), a torn read does not decide: it is read again after a
  /// pause while reads are left (`TornRereadRetry`). A whole read holding another refresh token
  /// is adopted and the calls go on; the rejected token, no session, or a torn file (at the last
  /// read, where reads are retried) means needs-login.
  private mutating func rereadAfterRejection(
    _ result: StoreReadResult, rejected: RefreshToken?, tornReads: Int8, _ context: inout StrategyContext,
    _ actions: inout [StrategyAction]
  ) {
    if coordination.retriesTornReads, TornRereadRetry.readsAgain(after: result, tornReads: tornReads) {
      phase = .pausingBeforeReread(rejected, tornReads: tornReads + 1)
      return actions.append(.setTimer(name: .reread, at: context.now + TornRereadRetry.pause))
    }
    guard case .contents(let contents) = result, let token = contents.credentials?.refreshToken, token != rejected else {
      phase = .needsLogin
      return raiseNeedsLogin(&actions)
    }
    phase = .idle
    credentials = contents.credentials
    forced = false
    armProactive(context.now, &actions)
    serve(&context, &actions)
  }

  /// The check before a refresh came back torn, and the coordination's client reads such a file
  /// again (`retriesTornReads`): read again after a pause while reads are left
  /// (`TornRereadRetry`). A file still torn at the last read fails the calls waiting and sends
  /// nothing, as the modelled client re-raises the parse error; a process holding no pair at all
  /// also raises the needs-login alert, once per start, as any process finding no session does.
  private mutating func tornCheck(
    _ need: RefreshNeed, tornReads: Int8, _ context: inout StrategyContext, _ actions: inout [StrategyAction]
  ) {
    guard TornRereadRetry.readsAgain(after: .torn, tornReads: tornReads) else {
      phase = .idle
      release(&actions)
      return notLoggedIn("credential store unreadable", &actions)
    }
    phase = .pausingBeforeCheck(need, tornReads: tornReads + 1)
    actions.append(.setTimer(name: .reread, at: context.now + TornRereadRetry.pause))
  }

  /// Takes the store's throttle when the coordinator shares it.
  mutating func adoptThrottle(_ contents: StoreContents) {
    if coordination.sharesThrottle { throttle = contents.nextRefreshAt }
  }

  /// Takes the store's pair when another process left a newer one; returns whether it did.
  mutating func adoptNewer(_ contents: StoreContents) -> Bool {
    guard let stored = contents.credentials, stored.refreshToken != nil, stored != credentials else { return false }
    let rotated = stored.refreshToken != credentials?.refreshToken
    let later = (stored.accessExpiresAt ?? .start) > (credentials?.accessExpiresAt ?? .start)
    guard credentials == nil || rotated || later else { return false }
    credentials = stored
    return true
  }

  private mutating func startupCheck(_ context: inout StrategyContext, _ actions: inout [StrategyAction]) {
    guard policy.startupCheck, credentials?.refreshToken != nil, attemptAllowed(context.now),
      let need = freshness(context.now).need
    else { return }
    begin(need, &context, &actions)
  }

  /// After the reread before a refresh: done if the store had a fresh pair (or no request may be
  /// sent yet), else the coordinator's move.
  private mutating func afterCheck(
    _ need: RefreshNeed, _ result: StoreReadResult, _ context: inout StrategyContext, _ actions: inout [StrategyAction]
  ) {
    let now = context.now
    let satisfied = !forced && (need == .required ? freshness(now) != .expiring : freshness(now) == .fresh)
    if satisfied || !attemptAllowed(now) {
      phase = .idle
      release(&actions)
      armProactive(now, &actions)
      return serve(&context, &actions)
    }
    let move = coordination.afterCheck(result, holding: credentials, now: now, processID: context.processID)
    perform(move, for: need, &context, &actions)
  }

  /// The lock was granted: check under it, or go on with the finishing steps.
  mutating func lockGranted(_ context: inout StrategyContext, _ actions: inout [StrategyAction]) {
    holdsLock = true
    switch phase {
    case .locking(let need):
      phase = .checking(need, tornReads: 0)
      actions.append(.readStore)
    case .finishing where steps.first.map(\.isLock) == true:
      steps.removeFirst()
      runSteps(&context, &actions)
    default:
      release(&actions)
    }
  }

  /// The lock could not be had in time.
  mutating func lockUnavailable(_ context: inout StrategyContext, _ actions: inout [StrategyAction]) {
    switch phase {
    case .locking(let need):
      perform(coordination.lockUnavailable(now: context.now), for: need, &context, &actions)
    case .finishing:
      let afterRelease = steps.firstIndex(of: .release).map { $0 + 1 } ?? steps.count
      steps.removeFirst(afterRelease)
      runSteps(&context, &actions)
    default:
      return
    }
  }

  /// A write finished: go on with the finishing steps.
  mutating func stepDone(_ context: inout StrategyContext, _ actions: inout [StrategyAction]) {
    guard case .finishing = phase, case .write? = steps.first else { return }
    steps.removeFirst()
    runSteps(&context, &actions)
  }

  /// Runs the finishing steps up to the next one that waits, then the continuation.
  mutating func runSteps(_ context: inout StrategyContext, _ actions: inout [StrategyAction]) {
    while let step = steps.first {
      switch step {
      case .lock(let wait): return actions.append(.acquireLock(wait: wait))
      case .write(let contents): return actions.append(.writeStore(contents: contents))
      case .release:
        steps.removeFirst()
        release(&actions)
      }
    }
    guard case .finishing(let then) = phase else { return }
    switch then {
    case .send(let need): send(need, &context, &actions)
    case .reread(let rejected):
      phase = .rereadingAfterRejection(rejected, tornReads: 0)
      actions.append(.readStore)
    case .idle:
      phase = .idle
      armProactive(context.now, &actions)
      serve(&context, &actions)
    case .needsLogin:
      phase = .needsLogin
      serve(&context, &actions)
    }
  }
}

extension RefreshStep {
  var isLock: Bool {
    if case .lock = self { return true }
    return false
  }
}

/// One meaningful step of a run. Metrics and checks are computed from these alone.
public struct TraceEvent: Equatable, Sendable {
  /// When it happened, in true time.
  public var time: SimInstant
  /// What happened.
  public var kind: TraceKind

  /// Creates an event.
  public init(time: SimInstant, kind: TraceKind) {
    self.time = time
    self.kind = kind
  }
}

/// How a token request ended, as the trace and the reports count it.
public enum TokenOutcome: String, Equatable, Sendable, CaseIterable {
  /// Tokens received.
  case ok
  /// The refresh token was refused (`invalid_grant`, `bad_refresh_token`, 401/403).
  case invalidGrant
  /// 429.
  case rateLimited
  /// 5xx.
  case serverError
  /// The client's timeout fired with nothing committed.
  case timeout
  /// The server committed the refresh and the response was lost.
  case lostAfterCommit
  /// Reset connection, or an unreadable body.
  case connectionError
}

extension TokenOutcome {
  /// Its place in `allCases`, for counts kept in arrays rather than by name.
  var ordinal: Int {
    switch self {
    case .ok: 0
    case .invalidGrant: 1
    case .rateLimited: 2
    case .serverError: 3
    case .timeout: 4
    case .lostAfterCommit: 5
    case .connectionError: 6
    }
  }
}

/// The kinds of trace events and their facts. `TraceLine` writes each as one JSON line, and
/// docs/TRACE.md lists every line's fields and values.
public enum TraceKind: Equatable, Sendable {
  /// A login put family `family` into `host`'s store; its access tokens live `accessTokenTTL`,
  /// and its refresh token is refused from `refreshExpiry` unless used again (nil: never).
  case login(host: String, family: Int, accessTokenTTL: SimDuration, refreshExpiry: RefreshExpiry?)
  /// A process started, for the first time or again after a crash.
  case processStarted(process: Int, name: String, role: ProcessRole, host: String)
  /// A process ended by itself (`ok`: its work succeeded).
  case processExited(process: Int, ok: Bool)
  /// A process crashed.
  case processCrashed(process: Int)
  /// A token request left `process` with refresh token serial `token`.
  case tokenRequestSent(process: Int, request: Int, token: Int)
  /// The server applied a refresh: issued (perhaps within the reuse leeway) or refused, and why.
  /// When issued, `refreshExpiry` is when the family's newest refresh token will be refused unless
  /// used again (nil: never, or refused).
  case tokenRequestServed(request: Int, decision: ServerDecision, family: Int?, refreshExpiry: RefreshExpiry?)
  /// The client learned how its token request ended.
  case tokenRequestEnded(process: Int, request: Int, outcome: TokenOutcome, status: Int?, retryAfter: String?)
  /// A rotated-away refresh token was presented.
  case reuseDetected(family: Int, token: Int)
  /// Every token of `family` was revoked, on reuse or by a security event.
  case familyRevoked(family: Int, cause: RevocationCause)
  /// The workload wanted to call the API and the strategy had no token to give.
  case callDenied(process: Int)
  /// The workload wanted to call the API and the strategy had no token to give at once: the call
  /// waits (for a store read, a lock, a refresh, a broker, a throttle) until granted or denied.
  case callWaiting(process: Int)
  /// The program asked for a refresh whatever its token (`refreshAtStart`: a CLI that refreshes
  /// on its first call by design), as a perfect client must too.
  case refreshForced(process: Int)
  /// An API call ended (`status` nil: timed out or reset).
  case apiCallEnded(process: Int, ok: Bool, status: Int?)
  /// A store read ended.
  case storeRead(process: Int, host: String, result: StoreReadOutcome)
  /// A store write landed; `lostUpdate` when it replaced a newer refresh token with an older one.
  case storeWritten(process: Int, host: String, refreshToken: Int?, lostUpdate: Bool)
  /// The lock beside `host`'s store changed for `process`.
  case lock(process: Int, host: String, what: LockChange)
  /// A daemon's work cycle ended.
  case workCycleEnded(process: Int, ok: Bool)
  /// A daemon's cycle came due while the previous one was still under way (waiting for a token)
  /// or its loop was restarting: the cycle did not run.
  case workCycleSkipped(process: Int)
  /// A daemon restarted its work loop.
  case workLoopRestarted(process: Int)
  /// A work item ended (`completed` false: dropped).
  case workItemEnded(process: Int, completed: Bool, attempts: Int)
  /// A process raised a needs-login alert.
  case alertRaised(process: Int, message: String)
  /// The window of fault rule `rule` opened or closed. `fault` is the rule (its target, effect,
  /// Retry-After, probability and `nextRequests`: what the perfect client's retry allowance
  /// needs); the trace names its effect by `FaultEffect.name`. Indirect: windows are rare, and
  /// the rule should not widen every event.
  indirect case faultWindow(rule: Int, fault: FaultRule, open: Bool)
  /// A scenario security event revoked sessions.
  case securityEvent(host: String?)
  /// Arming the refresh scheduler failed.
  case schedulerArmFailed(process: Int)
  /// A host was suspended (`suspended` true) or resumed.
  case hostSuspension(host: String, suspended: Bool)
  /// The run stopped, at its end or early; always the last event.
  case runEnded(reason: StopReason)
}

/// **lease-shared**: a refresh lease and a refresh throttle kept in the shared store, so that one
/// process per credential refreshes at a time and every process honours the same deadline. It
/// combines Codex remote-control's refresh rules (proactive 5 min, 24–36 s jittered fallback,
/// Retry-After) with MSAL's persisted throttle, made shared and locked.
///
/// - A call inside the 5-minute advisory window refreshes opportunistically; a transient failure
///   (429, 5xx, timeout) keeps the still-valid token. A required refresh (no token, or expiring
///   within `refreshWindow`) blocks its calls until it succeeds.
/// - To refresh, a process takes the store lock briefly, rereads, and either adopts a pair another
///   process left, waits (polling) while another holder's lease is live, or writes its own lease
///   and releases the lock. A crashed holder's lease lapses after `leaseDuration`. A torn reread
///   is waited out like a live lease (polled again after `leasePoll`), never taken as no lease.
/// - A transient failure sets `nextRefreshAt` in the store from Retry-After (delay-seconds or an
///   HTTP-date, kept as an absolute deadline, capped by `retryAfterCap`) or a jittered 24–36 s
///   fallback; no process sharing the store sends before it.
/// - A call the API refuses with 401 is sent once more with a fresh token, reread or refreshed
///   (Codex refreshes on a 401 and retries the request; `retryRejectedCall`).
/// - A refused refresh token clears the lease and throttle and raises needs-login.
///
/// Known failure: none by design in the simulated faults; it pays for safety with a store read
/// and two lock round trips per refresh, and a holder that dies holding a lock-file lock stalls
/// everyone until the lock is considered stale.
public struct LeaseSharedStrategy: EngineStrategy {
  public static let name = "lease-shared"
  public static let summary =
    "lease and Retry-After throttle shared in the store, proactive 5 min window, blocks only when required (Codex + MSAL)"
  public static let parameters = CommonParameters.overriding(
    [
      "advisoryWindow": .duration(.minutes(5)), "requestTimeout": .duration(.seconds(30)), "backoff": .word("uniform"),
      "backoffBase": .duration(.seconds(24)), "backoffCap": .duration(.seconds(36)), "honorRetryAfter": .bool(true),
      "retryAfterCap": .duration(.hours(1)), "onRejected": .word("needs-login"), "whenThrottled": .word("wait"),
      "retryRejectedCall": .bool(true),
    ],
    adding: [
      .init(
        "leaseDuration", .duration(.seconds(1)...SimDuration.hours(1)), default: .duration(.seconds(60)),
        "how long a claimed refresh lease lasts; a crashed holder's lease lapses after this"),
      .init(
        "leasePoll", .duration(.milliseconds(10)...SimDuration.minutes(10)), default: .duration(.seconds(1)),
        "how often a process waiting for another holder rereads the store"),
      .init(
        "lockWait", .duration(.milliseconds(1)...SimDuration.minutes(10)), default: .duration(.seconds(5)),
        "how long to wait for the store lock that guards the lease"),
    ])

  /// The shared engine with this strategy's parameters.
  public var engine: RefreshClient

  /// Creates the strategy from resolved parameters.
  public init(parameters: StrategyParameters, role: ProcessRole) {
    let lease = LeaseSettings(
      duration: parameters.duration("leaseDuration"), poll: parameters.duration("leasePoll"),
      lockWait: parameters.duration("lockWait"))
    engine = RefreshClient(policy: RefreshPolicy(parameters), coordination: .lease(lease))
  }
}

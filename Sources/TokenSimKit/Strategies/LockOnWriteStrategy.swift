/// **lock-on-write**: msal-extensions' `PersistedTokenCache` (the Azure CLI's token cache).
///
/// - Reads are unlocked: before refreshing, the process reloads the cache file and adopts a pair
///   another process left. A reload that comes back torn (another process is writing the file in
///   place) is read again 0.5 s later, three reads in all, as `PersistedTokenCache._find` retries
///   a dirty read; only a whole read decides, and a file torn at all three fails the calls
///   without sending (`TornRereadRetry`, `retriesTornReads`).
/// - The network refresh runs outside any lock (MSAL refreshes 5 min before expiry).
/// - Only the write takes the lock file, retrying for up to 5 s (0.25 s × 20 in Python); a write
///   that cannot get the lock is skipped, leaving the new pair in memory only.
/// - A refused refresh token raises needs-login.
///
/// Known failure: two processes reload the same old pair and both refresh (a duplicate refresh,
/// a reuse under single-use rotation); a lock file left by a crashed writer blocks writes until it
/// is stale, and a skipped write leaves a rotated-away token on disk for the next process.
public struct LockOnWriteStrategy: EngineStrategy {
  public static let name = "lock-on-write"
  public static let summary =
    "unlocked reread, network refresh outside the lock, lock file only around the write (msal-extensions)"
  public static let parameters = CommonParameters.overriding(
    ["refreshWindow": .duration(.minutes(5)), "onRejected": .word("needs-login")],
    adding: [
      .init(
        "lockWait", .duration(.milliseconds(1)...SimDuration.minutes(10)), default: .duration(.seconds(5)),
        "how long a write waits for the lock before it is skipped")
    ])

  /// The shared engine with this strategy's parameters.
  public var engine: RefreshClient

  /// Creates the strategy from resolved parameters.
  public init(parameters: StrategyParameters, role: ProcessRole) {
    engine = RefreshClient(
      policy: RefreshPolicy(parameters), coordination: .lockOnWrite(wait: parameters.duration("lockWait")))
  }
}

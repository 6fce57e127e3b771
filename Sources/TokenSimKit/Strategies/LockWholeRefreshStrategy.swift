/// **lock-whole-refresh**: kubelogin's token cache, which takes a blocking `flock` around read,
/// check, refresh and write.
///
/// - A call that finds its token expiring (10 s, x/oauth2's delta, which kubelogin uses) takes the
///   store lock, waiting with no timeout, rereads, and adopts a pair another process left.
/// - Otherwise it refreshes while holding the lock and writes before releasing it, so processes
///   sharing the store never refresh twice with one token. A torn reread under the lock is not
///   read again (kubelogin's `FindByKey` returns the JSON decode error, which its caller logs as
///   "could not find a token cache" and goes on): the refresh goes on with the pair held.
/// - No request timeout (Go's default HTTP client); a refused refresh token raises needs-login.
/// - A token expires at the server's absolute expiry (`expiryFrom=expires-at`): kubelogin keeps
///   only the ID and refresh tokens and reads the expiry from the ID token's `exp` claim
///   (pkg/jwt `DecodeWithoutVerify`), compared with the host clock.
///
/// Known failure: a hung token request holds the lock forever, and every process on the host
/// blocks behind it.
public struct LockWholeRefreshStrategy: EngineStrategy {
  public static let name = "lock-whole-refresh"
  public static let summary = "blocking lock around read-check-refresh-write, no timeouts (kubelogin)"
  public static let parameters = CommonParameters.overriding(
    ["onRejected": .word("needs-login"), "expiryFrom": .word("expires-at")],
    adding: [
      .init(
        "lockWait", .optionalDuration(.milliseconds(1)...SimDuration.hours(1)), default: .off,
        "how long to wait for the store lock; none blocks forever like flock(LOCK_EX)")
    ])

  /// The shared engine with this strategy's parameters.
  public var engine: RefreshClient

  /// Creates the strategy from resolved parameters.
  public init(parameters: StrategyParameters, role: ProcessRole) {
    engine = RefreshClient(
      policy: RefreshPolicy(parameters), coordination: .lockWholeRefresh(wait: parameters.optionalDuration("lockWait")))
  }
}

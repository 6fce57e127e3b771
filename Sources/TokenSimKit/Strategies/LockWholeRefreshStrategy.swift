/// **lock-whole-refresh**: kubelogin's token cache, which takes a blocking `flock` around read,
/// check, refresh and write.
///
/// - A call that finds its token expiring (10 s, x/oauth2's delta, which kubelogin uses) takes the
///   store lock, waiting with no timeout, rereads, and adopts a pair another process left.
/// - Otherwise it refreshes while holding the lock and writes before releasing it, so processes
///   sharing the store never refresh twice with one token.
/// - No request timeout (Go's default HTTP client); a refused refresh token raises needs-login.
///
/// Known failure: a hung token request holds the lock forever, and every process on the host
/// blocks behind it.
public struct LockWholeRefreshStrategy: BuiltInStrategy {
  public static let name = "lock-whole-refresh"
  public static let summary = "blocking lock around read-check-refresh-write, no timeouts (kubelogin)"
  public static let parameters = CommonParameters.overriding(
    ["onRejected": .word("needs-login")],
    adding: [
      .init(
        "lockWait", .optionalDuration(.milliseconds(1)...SimDuration.hours(1)), default: .off,
        "how long to wait for the store lock; none blocks forever like flock(LOCK_EX)")
    ])

  private var client: RefreshClient

  /// Creates the strategy from resolved parameters.
  public init(parameters: StrategyParameters, role: ProcessRole) {
    client = RefreshClient(
      policy: RefreshPolicy(parameters), coordination: .lockWholeRefresh(wait: parameters.optionalDuration("lockWait")))
  }

  public mutating func handle(_ event: StrategyEvent, context: inout StrategyContext) -> [StrategyAction] {
    client.handle(event, context: &context)
  }
}

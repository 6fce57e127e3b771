/// **naive**: in-memory tokens per process, modelled on Go's `golang.org/x/oauth2`
/// `ReuseTokenSource` inside an application that restarts its work loop on an auth failure.
///
/// - Loads the store once when started (and again when its work loop restarts).
/// - Refreshes lazily, when a call needs a token and the access token expires within
///   `refreshWindow` (10 s, x/oauth2's `expiryDelta`); one refresh at a time per process (its mutex).
/// - Writes the new pair to the store but never rereads it while running.
/// - No request timeout (Go's default HTTP client has none), no retry, no backoff: a failed
///   refresh fails the calls waiting for it, and the next call tries again.
/// - A refused refresh token restarts the work loop; a 401 from the API drops the access token
///   so that the next call refreshes.
///
/// Known failure: a refresh token rotated by another process is still in this process's memory;
/// presenting it is a reuse (seed 004's thrash loop), and under an outage every call re-hits the
/// token endpoint.
public struct NaiveStrategy: EngineStrategy {
  public static let name = "naive"
  public static let summary =
    "in-memory tokens per process, lazy refresh 10 s before expiry, no reread, no backoff (Go x/oauth2)"
  public static let parameters = CommonParameters.overriding([:])

  /// The shared engine with this strategy's parameters.
  public var engine: RefreshClient

  /// Creates the strategy from resolved parameters.
  public init(parameters: StrategyParameters, role: ProcessRole) {
    engine = RefreshClient(policy: RefreshPolicy(parameters), coordination: .none)
  }

  /// Creates the strategy with x/oauth2's defaults.
  public init() { self.init(parameters: StrategyParameters(defaults: Self.parameters), role: .daemon) }
}

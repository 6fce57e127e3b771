/// **naive**: in-memory tokens per process, modelled on Go's `golang.org/x/oauth2`
/// `ReuseTokenSource` inside an application that restarts its work loop on an auth failure.
///
/// - Loads the store once when started (and again when its work loop restarts).
/// - Refreshes lazily, when a call needs a token and the access token expires within `skew`
///   (10 s, x/oauth2's `expiryDelta`); one refresh at a time per process (its mutex).
/// - Writes the new pair to the store but never rereads it while running.
/// - No request timeout (Go's default HTTP client has none), no retry, no backoff: a failed
///   refresh fails the calls waiting for it, and the next call tries again.
/// - A rejected refresh token restarts the work loop; a 401 from the API drops the access token
///   so that the next call refreshes.
///
/// Known failure: a refresh token rotated by another process is still in this process's memory;
/// presenting it is a reuse (seed 004's thrash loop), and under an outage every call re-hits the
/// token endpoint.
public struct NaiveStrategy: RefreshStrategy {
  /// Refresh when the access token expires within this margin.
  public var skew: SimDuration
  /// The client's timeout for a token request; nil waits forever.
  public var requestTimeout: SimDuration?

  private var credentials: Credentials?
  private var loading = false
  private var refreshing: Int?
  private var nextRequest = 1
  private var waiting: [Int] = []
  private var forceRefresh = false

  /// Creates the strategy with x/oauth2's defaults.
  public init(skew: SimDuration = .seconds(10), requestTimeout: SimDuration? = nil) {
    self.skew = skew
    self.requestTimeout = requestTimeout
  }

  public mutating func handle(_ event: StrategyEvent, context: inout StrategyContext) -> [StrategyAction] {
    switch event {
    case .started:
      credentials = nil
      loading = true
      refreshing = nil
      return [.readStore]
    case .storeRead(let result):
      if case .contents(let contents) = result { credentials = contents.credentials }
      loading = false
      return serveWaiting(now: context.now)
    case .tokenNeeded(let ask, let force):
      waiting.append(ask)
      forceRefresh = forceRefresh || force
      return loading || refreshing != nil ? [] : serveWaiting(now: context.now)
    case .apiRejected(_, let token, _):
      if credentials?.accessToken == token { credentials?.accessToken = nil }
      return []
    case .refreshCompleted(let request, let reply) where request == refreshing:
      refreshing = nil
      return finishRefresh(reply.classification, now: context.now)
    default:
      return []
    }
  }

  private mutating func serveWaiting(now: SimInstant) -> [StrategyAction] {
    guard !waiting.isEmpty else { return [] }
    if !forceRefresh, let credentials, credentials.accessIsUsable(at: now, margin: skew), let token = credentials.accessToken {
      defer { waiting.removeAll() }
      return waiting.map { .grant(ask: $0, token: token) }
    }
    guard let refreshToken = credentials?.refreshToken else { return denyWaiting("no refresh token") }
    forceRefresh = false
    refreshing = nextRequest
    nextRequest += 1
    return [.sendRefresh(request: refreshing!, refreshToken: refreshToken, timeout: requestTimeout)]
  }

  private mutating func finishRefresh(_ result: Result<TokenGrant, RefreshFailure>, now: SimInstant) -> [StrategyAction] {
    switch result {
    case .success(let grant):
      let updated = Credentials(
        accessToken: grant.accessToken, accessExpiresAt: now + grant.expiresIn,
        refreshToken: grant.refreshToken ?? credentials?.refreshToken)
      credentials = updated
      defer { waiting.removeAll() }
      return [.writeStore(StoreContents(credentials: updated))]
        + waiting.map { .grant(ask: $0, token: grant.accessToken) }
    case .failure(let failure):
      let denials = denyWaiting("refresh failed")
      return failure.isRejection ? denials + [.restartWorkLoop] : denials
    }
  }

  private mutating func denyWaiting(_ reason: String) -> [StrategyAction] {
    defer { waiting.removeAll() }
    return waiting.map { .deny(ask: $0, reason: reason) }
  }
}

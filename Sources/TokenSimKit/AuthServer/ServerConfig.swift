/// How the mock authorization server behaves. Defaults are those of a typical rotating server
/// (Auth0-like with leeway 0): 1-hour access tokens, 30-day refresh tokens, single-use rotation,
/// reuse revokes the family, RFC 6749 errors with status 400.
public struct ServerConfig: Equatable, Sendable {
  /// Lifetime of an access token.
  public var accessTokenTTL: SimDuration = .hours(1)
  /// Absolute lifetime of a refresh token; nil for none.
  public var refreshAbsoluteTTL: SimDuration? = .days(30)
  /// Idle lifetime of a refresh token (time since it was issued or last used); nil for none.
  public var refreshIdleTTL: SimDuration?
  /// Whether a rotated refresh token keeps the original token's absolute expiry.
  public var rotatedKeepsOriginalExpiry = false
  /// How refresh tokens rotate.
  public var rotation: RotationMode = .rotate
  /// What presenting an invalidated refresh token does.
  public var onReuse: ReuseResponse = .revokeFamily
  /// How long after rotation the immediately previous refresh token is still accepted.
  public var reuseLeeway: SimDuration = .zero
  /// What a reuse inside the leeway returns.
  public var leewayReply: LeewayReply = .newPair
  /// Whether rotation also invalidates access tokens minted with the old refresh token (GitHub).
  public var rotationRevokesAccessTokens = false
  /// At most this many live refresh tokens per user; issuing one more invalidates the oldest.
  public var maxLiveRefreshTokens: Int?
  /// How errors are written on the wire.
  public var errorFormat: ErrorFormat = .rfc6749(status: 400)
  /// Time for the token endpoint to answer, without faults or queueing.
  public var tokenLatency: LatencyDistribution = .fixed(.milliseconds(100))
  /// Time for the API to answer, without faults.
  public var apiLatency: LatencyDistribution = .fixed(.milliseconds(50))
  /// A limit on concurrent token requests in service; nil for unlimited.
  public var capacity: CapacityConfig?
  /// A token-bucket rate limit on the token endpoint; nil for none.
  public var rateLimit: RateLimitConfig?
  /// Revocations the scenario makes happen.
  public var securityEvents: [SecurityEvent] = []
  /// Injected faults, tried in file order.
  public var faults: [FaultRule] = []

  /// The server with every default.
  public init() {}

  static let keys = [
    "accessTokenTTL", "refreshTokenTTL", "refreshTokenIdleTTL", "rotatedKeepsOriginalExpiry", "rotation", "onReuse",
    "reuseLeeway", "leewayReply", "rotationRevokesAccessTokens", "maxLiveRefreshTokens", "errorFormat",
    "tokenLatency", "apiLatency", "capacity", "rateLimit", "securityEvents", "faults",
  ]
}

/// How refresh tokens rotate.
public enum RotationMode: String, Equatable, Sendable, CaseIterable {
  /// Each use returns a new refresh token and invalidates the old one (RFC 9700 §4.14.2).
  case rotate
  /// The same refresh token is used again; responses carry none (Google).
  case `static`
  /// Each use returns a new refresh token; old ones stay valid until they expire (Microsoft).
  case rotateWithoutRevoke = "rotate-without-revoke"
}

/// What presenting an invalidated refresh token does.
public enum ReuseResponse: String, Equatable, Sendable, CaseIterable {
  /// Revoke every token of the family: the user must log in again.
  case revokeFamily = "revoke-family"
  /// Reject this request only.
  case reject
}

/// What a reuse inside the leeway returns.
public enum LeewayReply: String, Equatable, Sendable, CaseIterable {
  /// A new pair, superseding the successor (Auth0, Hydra).
  case newPair = "new-pair"
  /// The same successor refresh token again, with a new access token.
  case sameSuccessor = "same-successor"
}

/// How the server writes a refused refresh.
public enum ErrorFormat: Equatable, Sendable {
  /// RFC 6749 §5.2: this status (400, or 401/403 as some servers do) with `{"error":"invalid_grant"}`.
  case rfc6749(status: Int)
  /// GitHub: status 200 with `{"error":"bad_refresh_token"}`.
  case github

  /// The status and error code of a refused refresh.
  var refusal: (status: Int, code: String) {
    switch self {
    case .rfc6749(let status): return (status, "invalid_grant")
    case .github: return (200, "bad_refresh_token")
    }
  }
}

/// A limit on the token endpoint's concurrency (a metastable failure's sustaining effect).
public struct CapacityConfig: Equatable, Sendable {
  /// Requests in service at once.
  public var concurrent: Int
  /// Requests waiting beyond those; one more is answered 503 at once.
  public var queue: Int
  /// Time one request occupies a slot.
  public var serviceTime: LatencyDistribution
}

/// A token bucket on the token endpoint answering 429 when empty.
public struct RateLimitConfig: Equatable, Sendable {
  /// Tokens added per second.
  public var perSecond: Double
  /// Bucket size.
  public var burst: Int
  /// The `Retry-After` sent with a 429.
  public var retryAfter: RetryAfterSpec?
}

/// A revocation the scenario makes happen, like a user revoking access.
public struct SecurityEvent: Equatable, Sendable {
  /// When, in true time.
  public var at: SimInstant
  /// Which session: the one logged into this host's store, or every session when nil.
  public var host: String?

  /// A revocation at `at` of `host`'s session, or of every session when `host` is nil.
  public init(at: SimInstant, host: String?) {
    self.at = at
    self.host = host
  }
}

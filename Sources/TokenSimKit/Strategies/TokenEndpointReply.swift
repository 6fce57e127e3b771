/// What a client receives from the token endpoint, as it would on the wire.
public enum TokenEndpointReply: Equatable, Codable, Sendable {
  /// An HTTP response.
  case response(http: HTTPReply)
  /// The client's own timeout fired first.
  case timedOut
  /// The connection was reset before any response.
  case connectionReset

  /// How the reply should be treated; see `RefreshFailure`.
  public var classification: Result<TokenGrant, RefreshFailure> {
    switch self {
    case .timedOut: return .failure(.transient(retryAfter: nil, reason: "timeout"))
    case .connectionReset: return .failure(.transient(retryAfter: nil, reason: "connection reset"))
    case .response(let reply): return reply.classification
    }
  }

  /// The server's `Date` header, when an HTTP response came.
  public var date: SimInstant? {
    if case .response(let reply) = self { return reply.date }
    return nil
  }
}

/// An HTTP response from the mock server.
public struct HTTPReply: Equatable, Codable, Sendable {
  // The status is stored under a name of its own, so that the compiler synthesizes the
  // memberwise initializer the public one delegates to: an initializer that assigns the fields
  // itself builds the reply in a temporary and copies it out (an outlined copy and destroy of the
  // reply, strings and all, about 175 instructions a token request the server serves).
  var storedStatus: Int
  /// The raw `Retry-After` header, if sent: delay-seconds (`"120"`) or an HTTP-date.
  public var retryAfter: String?
  /// The `Date` header: when the server sent the reply, on its own clock (whole seconds, as
  /// IMF-fixdate carries it). Nil only in replies built without one.
  public var date: SimInstant?
  /// The body.
  public var body: ReplyBody

  /// The status code.
  public var status: Int {
    get { storedStatus }
    set { storedStatus = newValue }
  }

  private enum CodingKeys: String, CodingKey {
    case storedStatus = "status"
    case retryAfter, date, body
  }
}

extension HTTPReply {
  /// Creates a reply.
  public init(status: Int, retryAfter: String? = nil, date: SimInstant? = nil, body: ReplyBody) {
    self.init(storedStatus: status, retryAfter: retryAfter, date: date, body: body)
  }

  /// The usual reading of a token-endpoint response: tokens in a 200 are success; an OAuth error
  /// body (even in a 200, as GitHub sends) is a permanent `invalid_grant`-like failure; 429, 5xx
  /// and unreadable bodies are transient.
  /// The rules are `verdict`'s (what the engine reads); this adds the failure's words.
  public var classification: Result<TokenGrant, RefreshFailure> {
    switch verdict {
    case .success(let grant): return .success(grant)
    case .rejected:
      guard case .oauthError(let code) = body else { preconditionFailure("a rejection without an OAuth error") }
      return .failure(.rejected(status: status, error: code))
    case .transient(let retryAfter):
      let reason = body == .malformed || body == .empty ? "unreadable body (HTTP \(status))" : "HTTP \(status)"
      return .failure(.transient(retryAfter: retryAfter, reason: reason))
    }
  }
}

/// The body of an HTTP response.
public enum ReplyBody: Equatable, Codable, Sendable {
  /// A token response.
  case tokens(grant: TokenGrant)
  /// An OAuth error response such as `{"error":"invalid_grant"}`.
  case oauthError(error: String)
  /// A body with no content (an error page, a proxy's answer).
  case empty
  /// A body cut short or garbled in transit.
  case malformed
}

/// A successful token response.
public struct TokenGrant: Equatable, Codable, Sendable {
  /// The new access token.
  public var accessToken: AccessToken
  /// `expires_in`: its lifetime from the moment of issue.
  public var expiresIn: SimDuration
  /// The absolute expiry on the server's clock (`expires_at`, a JWT's `exp`), whole seconds; nil
  /// in grants built without one.
  public var expiresAt: SimInstant?
  /// The new refresh token; nil when the server does not rotate (the client keeps its own).
  public var refreshToken: RefreshToken?

  /// Creates a grant.
  public init(accessToken: AccessToken, expiresIn: SimDuration, expiresAt: SimInstant? = nil, refreshToken: RefreshToken?) {
    self.accessToken = accessToken
    self.expiresIn = expiresIn
    self.expiresAt = expiresAt
    self.refreshToken = refreshToken
  }
}

/// Why a refresh did not produce tokens.
public enum RefreshFailure: Error, Equatable, Codable, Sendable {
  /// The server refused the refresh token (`invalid_grant`, `bad_refresh_token`): retrying the
  /// same token cannot help.
  case rejected(status: Int, error: String)
  /// A failure that may pass: 429, 5xx, timeout, reset, unreadable body. `retryAfter` is the raw
  /// header when one came.
  case transient(retryAfter: String?, reason: String)

  /// Whether this failure means the session is dead for this token.
  public var isRejection: Bool {
    if case .rejected = self { return true }
    return false
  }
}

/// What the engine does with a token request's reply: the rules of a reply's reading, which
/// `TokenEndpointReply.classification` then words. The engine reads neither the OAuth error code
/// nor the transient reason, and building them cost a copy of the code (or a formatted "HTTP 503")
/// and its release on every reply.
enum ReplyVerdict {
  /// A pair was granted.
  case success(TokenGrant)
  /// The refresh token was refused (an OAuth error below 500, not 429).
  case rejected
  /// Anything else: try again, not before `retryAfter` when the reply said so.
  case transient(retryAfter: String?)
}

extension TokenEndpointReply {
  /// The reply's verdict (`classification` words it).
  var verdict: ReplyVerdict {
    switch self {
    case .timedOut, .connectionReset: return .transient(retryAfter: nil)
    case .response(let reply): return reply.verdict
    }
  }
}

extension HTTPReply {
  /// The reply's verdict (`classification` words it).
  var verdict: ReplyVerdict {
    switch body {
    case .tokens(let grant) where status == 200: return .success(grant)
    case .oauthError where status < 500 && status != 429: return .rejected
    default: return .transient(retryAfter: retryAfter)
    }
  }
}

/// What the engine does with a token request's reply: `TokenEndpointReply.classification` without
/// the failure's words. The engine reads neither the OAuth error code nor the transient reason, and
/// building them cost a copy of the code (or a formatted "HTTP 503") and its release on every
/// reply; the rules below are `classification`'s, case for case, and must stay so.
enum ReplyVerdict {
  /// A pair was granted.
  case success(TokenGrant)
  /// The refresh token was refused (an OAuth error below 500, not 429).
  case rejected
  /// Anything else: try again, not before `retryAfter` when the reply said so.
  case transient(retryAfter: String?)
}

extension TokenEndpointReply {
  /// The reply's verdict, as `classification` decides it.
  var verdict: ReplyVerdict {
    switch self {
    case .timedOut, .connectionReset: return .transient(retryAfter: nil)
    case .response(let reply): return reply.verdict
    }
  }
}

extension HTTPReply {
  /// The reply's verdict, as `classification` decides it.
  var verdict: ReplyVerdict {
    switch body {
    case .tokens(let grant) where status == 200: return .success(grant)
    case .oauthError where status < 500 && status != 429: return .rejected
    default: return .transient(retryAfter: retryAfter)
    }
  }
}

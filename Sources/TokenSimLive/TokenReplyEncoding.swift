import TokenSimKit

/// The wire form of the model's `HTTPReply`: RFC 6749 §5.1 token responses, §5.2 error bodies
/// (or GitHub's 200-with-error, as the scenario's `errorFormat` made the model answer), the
/// `Retry-After` header as the model wrote it, an empty body, or a garbled one.
enum TokenReplyEncoding {
  /// The response carrying `reply`, with `idToken` among the tokens when there is one.
  static func response(_ reply: HTTPReply, idToken: String? = nil) -> HTTPResponse {
    var response: HTTPResponse
    switch reply.body {
    case .tokens(let grant): response = .json(reply.status, tokens(grant, idToken: idToken))
    case .oauthError(let code): response = .json(reply.status, JSONText.object([("error", JSONText.quote(code))]))
    case .empty: response = HTTPResponse(status: reply.status, headers: [("Cache-Control", "no-store")])
    case .malformed: response = .json(reply.status, #"{"access_token":"at-"#)
    }
    if let retryAfter = reply.retryAfter { response.headers.append(("Retry-After", retryAfter)) }
    return response
  }

  /// `{"access_token":…,"token_type":"Bearer","expires_in":…,"refresh_token":…}`; no
  /// `refresh_token` when the server does not rotate; `id_token` last when given.
  static func tokens(_ grant: TokenGrant, idToken: String? = nil) -> String {
    var fields = [
      ("access_token", JSONText.quote(grant.accessToken.description)), ("token_type", #""Bearer""#),
      ("expires_in", String(grant.expiresIn.wholeSeconds)),
    ]
    if let refresh = grant.refreshToken { fields.append(("refresh_token", JSONText.quote(refresh.description))) }
    if let idToken { fields.append(("id_token", JSONText.quote(idToken))) }
    return JSONText.object(fields)
  }
}

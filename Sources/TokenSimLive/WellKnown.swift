extension ServeSession {
  /// `/.well-known/oauth-authorization-server` (RFC 8414) and `/.well-known/openid-configuration`:
  /// the issuer and where its endpoints are, under `prefix` (`/p/NAME`, or none).
  func wellKnown(_ request: HTTPRequest, prefix: String) -> HTTPResponse {
    let path = request.path
    let document = path.dropFirst(prefix.count)
    guard document == "/.well-known/oauth-authorization-server" || document == "/.well-known/openid-configuration" else {
      return .text(404, "no such document: \(path)")
    }
    guard request.method == "GET" else { return .text(405, "\(path) takes GET") }
    let baseURL = publicBase + prefix
    let strings: [(String, String)] = [
      ("issuer", baseURL), ("token_endpoint", baseURL + "/token"), ("revocation_endpoint", baseURL + "/revoke"),
      ("authorization_endpoint", baseURL + "/authorize"),
    ]
    let lists: [(String, [String])] = [
      ("grant_types_supported", ["refresh_token"]), ("response_types_supported", ["code"]),
      ("token_endpoint_auth_methods_supported", ["none", "client_secret_basic", "client_secret_post"]),
      ("subject_types_supported", ["public"]), ("scopes_supported", ["openid", "offline_access"]),
      ("id_token_signing_alg_values_supported", [settings.idTokenKey == nil ? "none" : "HS256"]),
    ]
    let fields =
      strings.map { ($0.0, JSONText.quote($0.1)) }
      + lists.map { ($0.0, "[" + $0.1.map(JSONText.quote).joined(separator: ",") + "]") }
    return .json(200, JSONText.object(fields))
  }
}

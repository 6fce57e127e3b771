import TokenSimKit

extension ServeSession {
  /// The protected API: the bearer token is checked by the model (`callAPI`, with its faults and
  /// latency); the answer goes out at the time the model says.
  mutating func api(_ request: HTTPRequest, from name: String, on connection: Int) -> ConnectionAction {
    let token = Self.bearer(request) ?? AccessToken(serial: 0)
    let time = now
    let host = server.family(of: token).flatMap(server.host(ofFamily:)) ?? firstHost
    let process = trace.process(named: name, host: host, at: time)
    exchanges[connection] = Exchange(process: process, kind: .api)
    switch server.callAPI(with: token, now: time) {
    case .silence:
      exchanges[connection]?.hung = true
      return .hang
    case .answer(let status, let at): return answer(.api(status: status), on: connection, at: at)
    }
  }

  /// The access token of `Authorization: Bearer at-N`; nil without one.
  static func bearer(_ request: HTTPRequest) -> AccessToken? {
    guard let value = request.header("authorization"), value.lowercased().hasPrefix("bearer ") else { return nil }
    let text = value.dropFirst(7).trimmed(of: " ")
    guard text.hasPrefix("at-"), let serial = Int(text.dropFirst(3)), serial > 0 else { return AccessToken(serial: 0) }
    return AccessToken(serial: serial)
  }
}

/// The protected API's responses.
enum APIResponse {
  /// 200 with a small JSON body, 401 with `WWW-Authenticate` (RFC 6750 §3), or an injected
  /// status with no useful body.
  static func response(status: Int) -> HTTPResponse {
    switch status {
    case 200: return .json(200, #"{"ok":true}"#)
    case 401:
      return .json(
        401, #"{"error":"invalid_token"}"#,
        headers: [("WWW-Authenticate", #"Bearer error="invalid_token", error_description="the access token is not valid""#)])
    default: return HTTPResponse(status: status, headers: [("Cache-Control", "no-store")])
    }
  }
}

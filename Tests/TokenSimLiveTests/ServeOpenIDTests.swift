import Foundation
import Testing

@testable import TokenSimLive

/// What real client libraries need of the token endpoint, through the real executable: an
/// id_token when the scope asks for `openid`, invalid_grant with the scenario's status, and
/// unknown form parameters ignored.
@Suite(.timeLimit(.minutes(3))) struct ServeOpenIDTests {
  /// The token reply to a form `body`, with `headers` added, on a new connection.
  private func token(_ server: ServeProcess, _ body: String, headers: String = "") throws -> RawResponse {
    try token(server, "POST /token", body, headers: headers)
  }

  /// The reply to `requestLine` (method and path) with a form `body`, on a new connection.
  private func token(_ server: ServeProcess, _ requestLine: String, _ body: String, headers: String = "") throws
    -> RawResponse
  {
    let client = try RawClient(port: server.port)
    try client.send(
      "\(requestLine) HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n\(headers)"
        + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
    return try client.response()
  }

  /// The three parts of a JWT: header and claims decoded, the signature as sent.
  private func decode(_ jwt: String) throws -> (header: [String: Any], claims: [String: Any], signature: String) {
    let parts = jwt.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    try #require(parts.count == 3)
    func json(_ part: String) throws -> [String: Any] {
      var text = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
      text += String(repeating: "=", count: (4 - text.count % 4) % 4)
      let data = try #require(Data(base64Encoded: text))
      return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
    return (try json(parts[0]), try json(parts[1]), parts[2])
  }

  @Test func anOpenIDScopeGetsAnUnsignedIDTokenForTheScenariosHost() throws {
    let server = try ServeProcess(scenario: serveScenario())
    let reply = try token(server, refreshForm("rt-1") + "&scope=openid%20offline_access&client_id=my-app")
    #expect(reply.status == 200)
    let jwt = try decode(try #require(reply.json["id_token"] as? String))
    #expect(jwt.header["alg"] as? String == "none")
    #expect(jwt.signature.isEmpty)
    #expect(jwt.claims["iss"] as? String == server.url)
    #expect(jwt.claims["sub"] as? String == "laptop")
    #expect(jwt.claims["aud"] as? String == "my-app")
    // The server clock starts at 2026-01-01T00:00:00Z (1767225600); access tokens live an hour.
    let issuedAt = try #require(jwt.claims["iat"] as? Int)
    #expect((1_767_225_600..<1_767_225_660).contains(issuedAt))
    #expect(jwt.claims["exp"] as? Int == issuedAt + 3_600)
    // Without openid, no id_token.
    let plain = try token(server, refreshForm("rt-2") + "&scope=profile")
    #expect(plain.status == 200)
    #expect(plain.json["id_token"] == nil)
    _ = try server.stop()
  }

  @Test(.enabled(if: pythonAvailable, "python3 is not installed: the HS256 signature is not checked independently"))
  func aKeySignsWithHS256AndTheSubjectFlagNamesTheSubject() throws {
    let server = try ServeProcess(scenario: serveScenario(), arguments: ["--subject", "alice", "--id-token-key", "k3y"])
    // The client names itself by Basic authentication (client_id "cli", secret "s").
    let reply = try token(server, refreshForm("rt-1") + "&scope=openid", headers: "Authorization: Basic Y2xpOnM=\r\n")
    let id = try #require(reply.json["id_token"] as? String)
    let jwt = try decode(id)
    #expect(jwt.header["alg"] as? String == "HS256")
    #expect(jwt.claims["sub"] as? String == "alice")
    #expect(jwt.claims["aud"] as? String == "cli")
    // Python's hmac module checks the signature.
    let script = """
      import base64, hashlib, hmac, sys
      head, body, sig = sys.argv[1].split(".")
      mac = hmac.new(b"k3y", (head + "." + body).encode(), hashlib.sha256).digest()
      print(base64.urlsafe_b64encode(mac).decode().rstrip("=") == sig)
      """
    #expect(try runPython(["-c", script, id]) == "True")
    let document = try server.request("GET", "/.well-known/openid-configuration").json
    #expect(document["id_token_signing_alg_values_supported"] as? [String] == ["HS256"])
    _ = try server.stop()
  }

  @Test func discoveryUnderAPrefixNamesThePrefixedEndpointsAtThePublicURL() throws {
    let front = "https://127.0.0.1:8443"
    let server = try ServeProcess(scenario: serveScenario(), arguments: ["--public-url", front])
    let document = try server.request("GET", "/p/msal/.well-known/openid-configuration").json
    #expect(document["issuer"] as? String == front + "/p/msal")
    #expect(document["token_endpoint"] as? String == front + "/p/msal/token")
    #expect(try server.request("GET", "/.well-known/oauth-authorization-server").json["issuer"] as? String == front)
    #expect(try server.request("GET", "/p/msal/.well-known/nothing").status == 404)
    // The id_token's iss is the issuer of the document the client discovered.
    let reply = try token(server, "POST /p/msal/token", refreshForm("rt-1") + "&scope=openid")
    let jwt = try decode(try #require(reply.json["id_token"] as? String))
    #expect(jwt.claims["iss"] as? String == front + "/p/msal")
    #expect(jwt.claims["aud"] as? String == IDToken.anonymousAudience)
    _ = try server.stop()
  }

  @Test func hmacMatchesRFC4231() {
    // RFC 4231 test case 2.
    let mac = HMACSHA256.mac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
    #expect(
      mac.map { String(format: "%02x", $0) }.joined()
        == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
  }

  @Test(arguments: [400, 401, 403]) func invalidGrantTakesTheScenariosStatus(status: Int) throws {
    let server = try ServeProcess(
      scenario: serveScenario(server: #"{"errorFormat": {"style": "rfc6749", "status": \#(status)}}"#))
    let reply = try token(server, refreshForm("rt-99"))
    #expect(reply.status == status)
    #expect(reply.json["error"] as? String == "invalid_grant")
    _ = try server.stop()
  }

  @Test func unknownFormParametersAreIgnored() throws {
    let server = try ServeProcess(scenario: serveScenario())
    // requests-oauthlib sends allow_redirects in the body; others send client_secret, resource…
    let reply = try token(
      server, refreshForm("rt-1") + "&allow_redirects=True&client_secret=x&resource=https%3A%2F%2Fapi&x-unknown=%F0%9F%94%91")
    #expect(reply.status == 200)
    #expect(reply.json["refresh_token"] as? String == "rt-2")
    _ = try server.stop()
  }
}

/// Runs python3 with `arguments` (bounded); its output without the final newline.
func runPython(_ arguments: [String], environment: [String: String]? = nil) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3"] + arguments
  if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
  let out = Pipe()
  process.standardOutput = out
  try process.run()
  let deadline = Date().addingTimeInterval(30)
  while process.isRunning, Date() < deadline { usleep(20_000) }
  if process.isRunning { process.terminate() }
  return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    .trimmingCharacters(in: .whitespacesAndNewlines)
}

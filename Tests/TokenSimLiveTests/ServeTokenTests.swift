import Foundation
import Testing

/// Rotation, reuse detection and family revocation seen through real requests to a real
/// `tokensim serve`, by the Python standard-library client and by raw sockets.
@Suite(.timeLimit(.minutes(3))) struct ServeTokenTests {
  /// Runs Tests/LiveClient/live_client.py with `arguments`; returns its JSON lines.
  private func liveClient(_ arguments: [String]) throws -> [[String: Any]] {
    let process = Process()
    process.executableURL = pythonCommand.executable
    process.arguments =
      pythonCommand.arguments + [packageRoot.appendingPathComponent("Tests/LiveClient/live_client.py").path] + arguments
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let deadline = Date().addingTimeInterval(30)
    while process.isRunning, Date() < deadline { usleep(20_000) }
    if process.isRunning { process.terminate() }
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 0, "live_client.py failed: \(text)")
    return try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
  }

  @Test(.enabled(if: pythonAvailable, "python3 is not installed: the Python client's test is skipped"))
  func thePythonClientRotatesThenAReuseRevokesTheFamily() throws {
    let server = try ServeProcess(scenario: serveScenario())
    let first = try liveClient([server.credentialsFile, "--process", "daemon", "--refreshes", "2"])
    #expect(first.compactMap { $0["status"] as? Int } == [200, 200, 200, 200])
    #expect(first.last?["refresh_token"] as? String == "rt-3")
    // Another process still holding rt-1 presents it: a reuse, and the family is revoked.
    let stale = try liveClient([server.credentialsFile, "--process", "cli", "--refresh-token", "rt-1"])
    #expect(stale.first?["status"] as? Int == 400)
    #expect((stale.first?["body"] as? [String: Any])?["error"] as? String == "invalid_grant")
    #expect(stale[1]["status"] as? Int == 401)
    #expect(
      stale[1]["www_authenticate"] as? String
        == #"Bearer error="invalid_token", error_description="the access token is not valid""#)
    // Even the newest token of the family no longer works.
    let after = try liveClient([server.credentialsFile, "--process", "daemon", "--refresh-token", "rt-3"])
    #expect(after.first?["status"] as? Int == 400)
    let trace = try server.trace()
    let served = trace.filter { $0["event"] as? String == "tokenRequestServed" }.compactMap { $0["decision"] as? String }
    #expect(served == ["issued", "issued", "reuse", "revoked"])
    #expect(trace.contains { $0["event"] as? String == "reuseDetected" && $0["refreshToken"] as? String == "rt-1" })
    #expect(trace.contains { $0["event"] as? String == "familyRevoked" && $0["cause"] as? String == "reuse" })
    let names = trace.filter { $0["event"] as? String == "processStarted" }.compactMap { $0["name"] as? String }
    #expect(names == ["laptop/daemon", "laptop/cli"])
    _ = try server.stop()
  }

  @Test func aJSONBodyAndBasicAuthAreAcceptedAndTheDateComesFromTheServerClock() throws {
    let server = try ServeProcess(scenario: serveScenario())
    let client = try RawClient(port: server.port)
    let body = #"{"grant_type":"refresh_token","refresh_token":"rt-1","scope":"x"}"#
    try client.send(
      "POST /token HTTP/1.1\r\nHost: x\r\nAuthorization: Basic Y2xpZW50OnNlY3JldA==\r\nContent-Type: application/json\r\n"
        + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
    let reply = try client.response()
    #expect(reply.status == 200)
    #expect(reply.json["token_type"] as? String == "Bearer")
    #expect(reply.json["expires_in"] as? Int == 3600)
    #expect(reply.json["refresh_token"] as? String == "rt-2")
    #expect(reply.headers["date"]?.hasPrefix("Thu, 01 Jan 2026 00:00:") == true)
    // Keep-alive: the same connection serves the API call.
    try client.send(
      "GET /api/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(reply.json["access_token"] as? String ?? "")\r\n\r\n")
    #expect(try client.response().status == 200)
    _ = try server.stop()
  }

  @Test func theWellKnownDocumentsNameTheEndpoints() throws {
    let server = try ServeProcess(scenario: serveScenario())
    for path in ["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"] {
      let document = try server.request("GET", path).json
      #expect(document["issuer"] as? String == server.url)
      #expect(document["token_endpoint"] as? String == server.url + "/token")
      #expect(document["revocation_endpoint"] as? String == server.url + "/revoke")
    }
    _ = try server.stop()
  }
}

import Foundation
import Testing

/// Whether Python's requests-oauthlib is installed (`pip install requests-oauthlib`); its test is
/// skipped without it, so `make test` needs nothing installed.
let requestsOAuthlibAvailable: Bool =
  pythonAvailable && (try? runPython(["-c", "import requests_oauthlib; print('yes')"])) == "yes"

/// A real client library against serve: requests-oauthlib's OAuth2Session refreshes an expired
/// token on its own (auto_refresh_url) over plain-HTTP loopback, with OAUTHLIB_INSECURE_TRANSPORT.
@Suite(.timeLimit(.minutes(1))) struct ServeRealLibraryTests {
  @Test(.enabled(if: requestsOAuthlibAvailable, "requests-oauthlib is not installed (pip install requests-oauthlib)"))
  func requestsOAuthlibRefreshesThroughServe() throws {
    let server = try ServeProcess(scenario: serveScenario())
    let output = try runPython(
      [packageRoot.appendingPathComponent("Tests/LiveClient/oauthlib_client.py").path, server.credentialsFile],
      environment: ["OAUTHLIB_INSECURE_TRANSPORT": "1"])
    let result = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
    #expect(result["statuses"] as? [Int] == [200, 200], "\(output)")
    #expect(result["refreshes"] as? Int == 1)
    #expect(result["refresh_token"] as? String == "rt-2")
    #expect(result["access_token"] as? String == "at-2")
    // The server saw the library as process "oauthlib", and ignored what it sent beyond the grant.
    let names = try server.trace().filter { $0["event"] as? String == "processStarted" }.compactMap { $0["name"] as? String }
    #expect(names == ["laptop/oauthlib"])
    _ = try server.stop()
  }
}

import Foundation
import Glibc
import Testing

/// Whether Python's requests-oauthlib is installed (`pip install requests-oauthlib`); its test is
/// skipped without it, so `make test` needs nothing installed.
let requestsOAuthlibAvailable: Bool =
  pythonAvailable && (try? runPython(["-c", "import requests_oauthlib; print('yes')"])) == "yes"

/// The Python client libraries importable here, of google-auth and authlib.
let importableLibraries: Set<String> = {
  guard pythonAvailable else { return [] }
  let found = try? runPython([
    "-c", "import importlib.util as u; print(' '.join(m for m in ['google.oauth2', 'authlib'] if u.find_spec(m.split('.')[0])))",
  ])
  return Set((found ?? "").split(separator: " ").map(String.init))
}()

/// Whether Python's msal is installed (`pip install msal`), with what the TLS front needs.
let msalAvailable: Bool = tlsFrontAvailable && (try? runPython(["-c", "import msal; print('yes')"])) == "yes"

/// Real client libraries against serve: requests-oauthlib's OAuth2Session refreshes an expired
/// token on its own (auto_refresh_url) over plain-HTTP loopback, with OAUTHLIB_INSECURE_TRANSPORT;
/// msal discovers serve through the TLS front and files the tokens under the id_token's account.
@Suite(.timeLimit(.minutes(3))) struct ServeRealLibraryTests {
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

  @Test(.enabled(if: msalAvailable, "msal, stunnel4, openssl or python3 is not installed (pip install msal)"))
  func msalRedeemsARefreshTokenThroughTheTLSFrontAndCachesItUnderAnAccount() throws {
    let tlsPort = try freeLoopbackPort()
    let front = "https://127.0.0.1:\(tlsPort)"
    let server = try ServeProcess(scenario: serveScenario(), arguments: ["--public-url", front])
    let stunnel = Process()
    stunnel.executableURL = packageRoot.appendingPathComponent("Tests/LiveClient/tls_front.sh")
    stunnel.arguments = [String(server.port), String(tlsPort), server.directory + "/tls"]
    stunnel.standardOutput = FileHandle.nullDevice
    stunnel.standardError = FileHandle.nullDevice
    try stunnel.run()
    defer {
      if stunnel.isRunning { kill(stunnel.processIdentifier, SIGTERM) }
      stunnel.waitUntilExit()
    }
    // stunnel listens once its certificate is made; wait for the port (bounded).
    try waitUntilListening(tlsPort, within: 30)
    let output = try runPython(
      [packageRoot.appendingPathComponent("Tests/LiveClient/msal_client.py").path, front + "/p/msal", "rt-1"],
      environment: ["REQUESTS_CA_BUNDLE": server.directory + "/tls/cert.pem"])
    let result = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
    #expect(result["refresh_token"] as? String == "rt-2", "\(output)")
    let claims = result["claims"] as? [String: Any]
    #expect(claims?["iss"] as? String == front + "/p/msal")
    #expect(claims?["aud"] as? String == "msal-app")
    #expect(result["accounts"] as? Int == 1)
    #expect(result["silent_source"] as? String == "cache")
    let sent = try server.traceEvents().filter { $0 == "tokenRequestSent" }
    #expect(sent.count == 1)
    _ = try server.stop()
  }

  @Test(.enabled(if: importableLibraries.contains("google.oauth2"), "google-auth is not installed (pip install google-auth)"))
  func googleAuthRefreshesOverPlainHTTPWithTokenURIAlone() throws {
    try refreshOnce(with: "google_auth_client.py", process: "google-auth")
  }

  @Test(.enabled(if: importableLibraries.contains("authlib"), "authlib is not installed (pip install authlib requests)"))
  func authlibRefreshesOverPlainHTTPLoopback() throws {
    try refreshOnce(with: "authlib_client.py", process: "authlib")
  }

  /// Runs Tests/LiveClient/`script` against a new server: one refresh, seen as `process`.
  private func refreshOnce(with script: String, process: String) throws {
    let server = try ServeProcess(scenario: serveScenario())
    let output = try runPython([packageRoot.appendingPathComponent("Tests/LiveClient/" + script).path, server.credentialsFile])
    let result = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
    #expect(result["refresh_token"] as? String == "rt-2", "\(output)")
    #expect(result["access_token"] as? String == "at-2")
    let names = try server.trace().filter { $0["event"] as? String == "processStarted" }.compactMap { $0["name"] as? String }
    #expect(names == ["laptop/\(process)"])
    _ = try server.stop()
  }
}

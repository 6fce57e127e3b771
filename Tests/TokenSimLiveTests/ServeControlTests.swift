import Foundation
import Testing

/// The control API, the command's checks, and the reports written on exit.
@Suite(.timeLimit(.minutes(3))) struct ServeControlTests {
  @Test func theControlAPISteersTheServer() throws {
    let server = try ServeProcess(scenario: serveScenario())
    let state = try server.request("GET", "/_tokensim/state").json
    #expect((state["families"] as? [[String: Any]])?.first?["refreshToken"] as? String == "rt-1")
    // Advancing the clock past the access token's hour expires it.
    let advanced = try server.request("POST", "/_tokensim/clock/advance", body: #"{"by":"2h"}"#)
    #expect((advanced.json["date"] as? String)?.hasPrefix("Thu, 01 Jan 2026 02:00:") == true)
    #expect(try server.request("GET", "/api/items", body: "").status == 401)
    // A fault window added now and ended.
    let added = try server.request("POST", "/_tokensim/faults", body: #"{"target":"token","status":500,"duration":"1h"}"#)
    #expect(added.json["rule"] as? Int == 0)
    #expect(
      try server.request("POST", "/token", body: refreshForm("rt-1"), contentType: "application/x-www-form-urlencoded").status
        == 500)
    #expect(try server.request("POST", "/_tokensim/faults/0/end").status == 200)
    #expect(
      try server.request("POST", "/token", body: refreshForm("rt-1"), contentType: "application/x-www-form-urlencoded").status
        == 200)
    // A security event revokes the session.
    let revoked = try server.request("POST", "/_tokensim/revoke", body: #"{"host":"laptop"}"#)
    #expect(revoked.json["revokedFamilies"] as? [Int] == [1])
    #expect(try server.request("POST", "/_tokensim/revoke", body: #"{"host":"nowhere"}"#).status == 404)
    #expect(
      try server.request("POST", "/token", body: refreshForm("rt-2"), contentType: "application/x-www-form-urlencoded").status
        == 400)
    #expect(
      try server.traceEvents() == [
        "login", "processStarted", "apiCallEnded", "faultWindow", "tokenRequestSent", "tokenRequestEnded", "faultWindow",
        "tokenRequestSent", "tokenRequestServed", "tokenRequestEnded", "securityEvent", "familyRevoked", "tokenRequestSent",
        "tokenRequestServed", "tokenRequestEnded",
      ])
    // Reports now, without stopping.
    let reports = try server.request("POST", "/_tokensim/reports")
    #expect(reports.status == 200)
    #expect(FileManager.default.fileExists(atPath: server.outDirectory + "/index.html"))
    #expect(try server.request("POST", "/_tokensim/faults", body: #"{"target":"token","duration":"1h"}"#).status == 400)
    _ = try server.stop()
  }

  @Test func ctrlCWritesTheFiveReportsWithModeServe() throws {
    let server = try ServeProcess(scenario: serveScenario())
    #expect(
      try server.request("POST", "/token", body: refreshForm("rt-1"), contentType: "application/x-www-form-urlencoded").status
        == 200)
    let (status, stdout, _) = try server.stop()
    #expect(status == 0)
    #expect(stdout.contains("reports in"))
    for name in ["report.json", "report.md", "junit.xml", "timeline.svg", "index.html"] {
      #expect(FileManager.default.fileExists(atPath: server.outDirectory + "/" + name), "\(name)")
    }
    let report =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: server.outDirectory + "/report.json")))
      as? [String: Any]
    #expect(report?["mode"] as? String == "serve")
    #expect((report?["metrics"] as? [String: Any])?["tokenRequests"] as? Int == 1)
  }

  @Test func forStopsByItselfAndIPv6LoopbackServes() throws {
    let server = try ServeProcess(scenario: serveScenario(), arguments: ["--for", "1s"])
    let (status, _, _) = try server.waitForExit(within: 15)
    #expect(status == 0)
    #expect(FileManager.default.fileExists(atPath: server.outDirectory + "/report.json"))
    let six = try ServeProcess(scenario: serveScenario(), arguments: ["--host", "::1", "--for", "1s"])
    #expect(six.url.hasPrefix("http://[::1]:"))
    _ = try six.waitForExit(within: 15)
  }

  @Test func anAddressBeyondLoopbackIsRefused() throws {
    let process = Process()
    process.executableURL = packageRoot.appendingPathComponent(".build/debug/tokensim")
    process.arguments = ["serve", "Scenarios/quiet-day.json", "--host", "0.0.0.0"]
    process.currentDirectoryURL = packageRoot
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(15)
    while process.isRunning, Date() < deadline { usleep(20_000) }
    if process.isRunning { process.terminate() }
    #expect(process.terminationStatus == 2)
    #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("loopback"))
  }
}

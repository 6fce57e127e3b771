import Foundation
import Testing

/// Every fault kind on the wire, seen by a raw-socket client: each added through the control API
/// for the next token request only.
@Suite(.timeLimit(.minutes(3))) struct ServeFaultTests {
  private func addFault(_ server: ServeProcess, _ json: String) throws {
    let reply = try server.request("POST", "/_tokensim/faults", body: json)
    #expect(reply.status == 200, "\(reply.body)")
  }

  /// Sends a refresh presenting `token` on a new connection.
  private func sendRefresh(_ server: ServeProcess, _ token: String, timeout: Double = 5) throws -> RawClient {
    let client = try RawClient(port: server.port, timeout: timeout)
    let form = refreshForm(token)
    try client.send("POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: \(form.utf8.count)\r\n\r\n\(form)")
    return client
  }

  @Test func statusFaultsCarryRetryAfterInBothFormats() throws {
    let server = try ServeProcess(scenario: serveScenario())
    try addFault(server, #"{"target":"token","status":503,"retryAfter":"30s","nextRequests":1}"#)
    let seconds = try sendRefresh(server, "rt-1").response()
    #expect(seconds.status == 503)
    #expect(seconds.headers["retry-after"] == "30")
    try addFault(server, #"{"target":"token","status":429,"retryAfter":"2m","retryAfterFormat":"http-date","nextRequests":1}"#)
    let date = try sendRefresh(server, "rt-1").response()
    #expect(date.status == 429)
    // The server clock started at 2026-01-01T00:00:00Z a moment ago: two minutes on is 00:02.
    #expect(date.headers["retry-after"]?.hasPrefix("Thu, 01 Jan 2026 00:02:") == true)
    #expect(date.headers["date"]?.hasPrefix("Thu, 01 Jan 2026 00:00:") == true)
    // Nothing was committed: rt-1 still works.
    #expect(try sendRefresh(server, "rt-1").response().status == 200)
    let ended = try server.trace().filter { $0["event"] as? String == "tokenRequestEnded" }
    #expect(ended.compactMap { $0["outcome"] as? String } == ["serverError", "rateLimited", "ok"])
    #expect(ended.first?["retryAfter"] as? String == "30")
    _ = try server.stop()
  }

  @Test func latencyDelaysOneReplyWithoutBlockingAnotherConnection() throws {
    let server = try ServeProcess(scenario: serveScenario())
    try addFault(server, #"{"target":"token","latency":"2s","nextRequests":1}"#)
    let started = Date()
    let slow = try sendRefresh(server, "rt-1")
    usleep(100_000)
    let fast = try RawClient(port: server.port)
    try fast.send("GET /api/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer at-1\r\n\r\n")
    #expect(try fast.response().status == 200)
    #expect(Date().timeIntervalSince(started) < 1.5)
    #expect(try slow.response().status == 200)
    #expect(Date().timeIntervalSince(started) >= 2)
    _ = try server.stop()
  }

  @Test func aHangNeverAnswersAndTheClientsCloseEndsIt() throws {
    let server = try ServeProcess(scenario: serveScenario())
    try addFault(server, #"{"target":"token","effect":"hang","nextRequests":1}"#)
    var hung: RawClient? = try sendRefresh(server, "rt-1", timeout: 1)
    #expect(hung?.readToEnd() == .silent(""))
    #expect(try server.request("GET", "/_tokensim/state").json["tokenRequestsInFlight"] as? Int == 1)
    #expect(try sendRefresh(server, "rt-1").response().status == 200)  // another connection is served meanwhile
    hung = nil  // the client gives up and closes
    usleep(300_000)
    let ended = try server.trace().filter { $0["event"] as? String == "tokenRequestEnded" }
    #expect(ended.compactMap { $0["outcome"] as? String } == ["ok", "timeout"])
    _ = try server.stop()
  }

  @Test func aResetIsATCPReset() throws {
    let server = try ServeProcess(scenario: serveScenario())
    try addFault(server, #"{"target":"token","effect":"reset","nextRequests":1}"#)
    #expect(try sendRefresh(server, "rt-1").readToEnd() == .reset)
    #expect(try sendRefresh(server, "rt-1").response().status == 200)  // nothing was committed
    _ = try server.stop()
  }

  @Test func emptyAndMalformedRepliesCommitTheRefresh() throws {
    let server = try ServeProcess(scenario: serveScenario())
    try addFault(server, #"{"target":"token","effect":"empty","nextRequests":1}"#)
    let empty = try sendRefresh(server, "rt-1").response()
    #expect(empty.status == 200)
    #expect(empty.body.isEmpty)
    try addFault(server, #"{"target":"token","effect":"malformed","nextRequests":1}"#)
    let malformed = try sendRefresh(server, "rt-2").response()
    #expect(malformed.status == 200)
    #expect((try? JSONSerialization.jsonObject(with: Data(malformed.body.utf8))) == nil)
    // Both committed: rt-3 is the current token, and rt-1 is now a reuse.
    #expect(try sendRefresh(server, "rt-3").response().status == 200)
    let served = try server.trace().filter { $0["event"] as? String == "tokenRequestServed" }
    #expect(served.compactMap { $0["decision"] as? String } == ["issued", "issued", "issued"])
    _ = try server.stop()
  }

  @Test func lostAfterCommitClosesWithoutAReplyAfterRotating() throws {
    let server = try ServeProcess(scenario: serveScenario())
    try addFault(server, #"{"target":"token","effect":"lost-after-commit","nextRequests":1}"#)
    #expect(try sendRefresh(server, "rt-1").readToEnd() == .closed(""))
    let retry = try sendRefresh(server, "rt-1").response()  // the client retries with the old token
    #expect(retry.status == 400)
    let ended = try server.trace().filter { $0["event"] as? String == "tokenRequestEnded" }
    #expect(ended.compactMap { $0["outcome"] as? String } == ["lostAfterCommit", "invalidGrant"])
    _ = try server.stop()
  }

  @Test func apiFaultsReachTheAPI() throws {
    let server = try ServeProcess(scenario: serveScenario())
    try addFault(server, #"{"target":"api","status":502,"nextRequests":1}"#)
    let reply = try server.request("GET", "/api/items")
    #expect(reply.status == 502)
    _ = try server.stop()
  }
}

import Foundation
import Glibc
import Testing

/// Malformed, oversized, slow and half-closed requests are answered or dropped, and another
/// connection open all along is served throughout.
@Suite(.timeLimit(.minutes(3))) struct ServeConnectionTests {
  /// A keep-alive connection that must keep working while bad clients come and go.
  private func stillServes(_ client: RawClient) throws {
    try client.send("GET /api/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer at-1\r\n\r\n")
    #expect(try client.response().status == 200)
  }

  @Test func badRequestsGetAClearAnswerAndHarmNoOtherConnection() throws {
    let server = try ServeProcess(scenario: serveScenario(), arguments: ["--read-timeout", "1s"])
    let good = try RawClient(port: server.port)
    try stillServes(good)
    let cases: [(String, Int, String)] = [
      ("NONSENSE\r\n\r\n", 400, "METHOD TARGET HTTP/1.1"),
      ("GET /api HTTP/1.1\r\nBroken header\r\n\r\n", 400, "Name: value"),
      ("GET /api HTTP/1.1\r\nX: " + String(repeating: "a", count: 20_000) + "\r\n\r\n", 431, "exceed"),
      ("POST /token HTTP/1.1\r\nContent-Length: 10000000\r\n\r\n", 413, "exceeds"),
      ("POST /token HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 501, "Content-Length"),
      ("POST /token HTTP/1.1\r\nContent-Type: text/xml\r\nContent-Length: 2\r\n\r\n<a", 415, "form"),
      ("GET /nowhere HTTP/1.1\r\n\r\n", 404, "no such endpoint"),
    ]
    for (request, status, words) in cases {
      let bad = try RawClient(port: server.port)
      try bad.send(request)
      let reply = try bad.response()
      #expect(reply.status == status, "\(request.prefix(40))")
      #expect(reply.body.contains(words), "\(reply.body)")
      try stillServes(good)
    }
    _ = try server.stop()
  }

  @Test func aSlowRequestGets408AndTheOthersDoNotWait() throws {
    let server = try ServeProcess(scenario: serveScenario(), arguments: ["--read-timeout", "1s"])
    let slow = try RawClient(port: server.port, timeout: 5)
    try slow.send("POST /token HTTP/1.1\r\nContent-Length: 40\r\n\r\ngrant_type=")
    let good = try RawClient(port: server.port)
    let started = Date()
    try stillServes(good)
    #expect(Date().timeIntervalSince(started) < 0.5)
    let reply = try slow.response()
    #expect(reply.status == 408)
    #expect(reply.headers["connection"] == "close")
    try stillServes(good)
    _ = try server.stop()
  }

  @Test func aHalfClosedClientStillGetsItsAnswer() throws {
    let server = try ServeProcess(scenario: serveScenario())
    let client = try RawClient(port: server.port)
    let form = refreshForm("rt-1")
    try client.send("POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: \(form.utf8.count)\r\n\r\n\(form)")
    client.shutdownWrite()
    let reply = try client.response()
    #expect(reply.status == 200)
    #expect(client.readToEnd() == .closed(""))
    _ = try server.stop()
  }

  @Test func aClientThatClosesMidRequestOrFloodsBytesIsDropped() throws {
    let server = try ServeProcess(scenario: serveScenario())
    let good = try RawClient(port: server.port)
    do {
      let partial = try RawClient(port: server.port)
      try partial.send("POST /token HTTP/1.1\r\nContent-Len")
    }
    let flood = try RawClient(port: server.port)
    try? flood.send(String(repeating: "x", count: 100_000))
    #expect(flood.readToEnd() != .silent(""))
    try stillServes(good)
    _ = try server.stop()
  }

  @Test func pipelinedRequestsAreAnsweredInOrder() throws {
    let server = try ServeProcess(scenario: serveScenario())
    let client = try RawClient(port: server.port)
    let one = refreshForm("rt-1")
    let two = refreshForm("rt-2")
    try client.send(
      "POST /token HTTP/1.1\r\nContent-Length: \(one.utf8.count)\r\n\r\n\(one)"
        + "POST /token HTTP/1.1\r\nContent-Length: \(two.utf8.count)\r\n\r\n\(two)")
    #expect(try client.response().json["refresh_token"] as? String == "rt-2")
    #expect(try client.response().json["refresh_token"] as? String == "rt-3")
    _ = try server.stop()
  }
}

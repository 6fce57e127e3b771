import Foundation
import Testing

/// The trace is streamed to trace.jsonl as the server goes and measured as it happens, so a long
/// session holds no events in memory; the reports on exit still count every request.
@Suite(.timeLimit(.minutes(3))) struct ServeTraceStreamTests {
  /// The lines of `path` now.
  private func lines(_ path: String) -> [String] {
    ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
  }

  @Test func traceJSONLGrowsWhileServingAndTheReportsCountEveryRequest() throws {
    let server = try ServeProcess(scenario: serveScenario())
    let trace = server.outDirectory + "/trace.jsonl"
    for token in ["rt-1", "rt-2", "rt-3"] {
      let reply = try server.request("POST", "/token", body: refreshForm(token), contentType: "application/x-www-form-urlencoded")
      #expect(reply.status == 200)
    }
    // Written by the loop (ten times a second) while the server still runs.
    let deadline = Date().addingTimeInterval(5)
    while lines(trace).filter({ $0.contains("tokenRequestEnded") }).count < 3, Date() < deadline { usleep(20_000) }
    #expect(lines(trace).filter { $0.contains("tokenRequestEnded") }.count == 3)
    // The control API's trace is the file, and the state counts the same events.
    let state = try server.request("GET", "/_tokensim/state").json
    let events = try server.trace()
    #expect(state["traceEvents"] as? Int == events.count)
    #expect(lines(trace).count == events.count)
    #expect(events.first?["event"] as? String == "login")
    let (status, _, _) = try server.stop()
    #expect(status == 0)
    #expect(lines(trace).count >= events.count)
    let report =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: server.outDirectory + "/report.json")))
      as? [String: Any]
    let metrics = report?["metrics"] as? [String: Any]
    #expect(metrics?["tokenRequests"] as? Int == 3)
    #expect(report?["mode"] as? String == "serve")
  }
}

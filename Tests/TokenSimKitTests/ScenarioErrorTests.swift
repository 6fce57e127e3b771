import Testing

@testable import TokenSimKit

/// Every error names the file, the JSON path, what was expected and what was found.
@Suite struct ScenarioErrorTests {
  func error(_ json: String) -> ScenarioError? {
    do {
      _ = try Scenario.parse(json, file: "bad.json")
      return nil
    } catch { return error }
  }

  let valid = oneHost(duration: "1h", processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "1m"}}]"#)

  @Test func aValidScenarioParses() throws {
    let parsed = try scenario(valid)
    #expect(parsed.duration == .hours(1))
    #expect(parsed.hosts[0].processes[0].cycle == WorkCycle(every: .minutes(1), apiCalls: 1))
  }

  @Test func unknownKeySuggestsTheClosest() throws {
    let found = try #require(error(valid.replacingOccurrences(of: #""server": {}"#, with: #""server": {"acessTokenTTL": "1h"}"#)))
    #expect(found.path == "$.server.acessTokenTTL")
    #expect(found.suggestion == "accessTokenTTL")
    #expect(found.description.hasPrefix("bad.json:1: $.server.acessTokenTTL: expected one of the keys"))
  }

  @Test func faultErrorsNameTheirIndex() throws {
    let server = #"{"faults": [{"target": "token", "status": 502}, {"target": "token", "status": 502, "retryAfter": "soon"}]}"#
    let found = try #require(error(oneHost(duration: "1h", server: server, processes: "[]")))
    #expect(found.path == "$.server.faults[1].retryAfter")
    #expect(found.found == "the string \"soon\"")
    #expect(found.expected.contains("duration"))
  }

  @Test func wrongWordsSuggestTheClosest() throws {
    let found = try #require(error(oneHost(duration: "1h", server: #"{"rotation": "rotat"}"#, processes: "[]")))
    #expect(found.path == "$.server.rotation")
    #expect(found.suggestion == "rotate")
  }

  @Test func missingKeysSayWhatTheyShouldHold() throws {
    let found = try #require(error(#"{"name": "x", "description": "d", "hosts": []}"#))
    #expect(found.path == "$.duration")
    #expect(found.found == "nothing (the key is missing)")
  }

  @Test func syntaxErrorsGiveLineAndColumn() throws {
    let found = try #require(error("{\n  \"name\": \"x\",\n  \"duration\" \"1h\"\n}"))
    #expect(found.file == "bad.json:3:14")
    #expect(found.found.contains("':'"))
  }

  @Test(arguments: [
    (#"{"status": 418, "target": "token"}"#, "$.server.faults[0].status"),
    (#"{"target": "token"}"#, "$.server.faults[0]"),
    (#"{"target": "token", "effect": "explode"}"#, "$.server.faults[0].effect"),
    (#"{"target": "token", "status": 502, "from": "2h", "to": "1h"}"#, "$.server.faults[0].to"),
    (#"{"target": "token", "status": 502, "probability": 1.5}"#, "$.server.faults[0].probability"),
    (#"{"target": "dns", "status": 502}"#, "$.server.faults[0].target"),
    (#"{"target": "token", "effect": "hang", "retryAfter": "1s"}"#, "$.server.faults[0]"),
  ])
  func badFaultsAreRejected(fault: String, path: String) throws {
    let found = try #require(error(oneHost(duration: "1h", server: #"{"faults": [\#(fault)]}"#, processes: "[]")))
    #expect(found.path == path)
  }

  @Test(arguments: [
    (#"{"name": "c", "role": "cli"}"#, "$.hosts[0].processes[0]"),
    (#"{"name": "c", "role": "cli", "arrivals": {"every": "1m"}, "cycle": {"every": "1m"}}"#, "$.hosts[0].processes[0].cycle"),
    (#"{"name": "d", "role": "daemon", "arrivals": {"every": "1m"}}"#, "$.hosts[0].processes[0].arrivals"),
    (#"{"name": "d", "role": "demon"}"#, "$.hosts[0].processes[0].role"),
    (#"{"name": "d", "role": "daemon", "crash": {}}"#, "$.hosts[0].processes[0].crash"),
    (#"{"name": "d", "role": "daemon", "workItems": {"every": "1m", "perHour": 3}}"#, "$.hosts[0].processes[0].workItems"),
    (#"{"name": "d d", "role": "daemon"}"#, "$.hosts[0].processes[0].name"),
    (#"{"name": "d", "role": "daemon", "startAt": "2h", "stopAt": "1h"}"#, "$.hosts[0].processes[0].stopAt"),
  ])
  func badProcessesAreRejected(process: String, path: String) throws {
    let found = try #require(error(oneHost(duration: "1h", processes: "[\(process)]")))
    #expect(found.path == path)
  }

  @Test func duplicateNamesAndDanglingReferencesAreRejected() throws {
    let twice =
      #"{"name": "t", "description": "d", "duration": "1h", "hosts": [{"name": "a", "processes": []}, {"name": "a", "processes": []}]}"#
    #expect(try #require(error(twice)).path == "$.hosts[1]")
    let dangling = oneHost(
      duration: "1h", server: #"{"securityEvents": [{"at": "1m", "action": "revoke-family", "host": "g"}]}"#, processes: "[]")
    let found = try #require(error(dangling))
    #expect(found.path == "$.server.securityEvents[0]")
    #expect(found.suggestion == "h")
  }

  @Test func flockHasNoStaleTimeout() throws {
    let found = try #require(
      error(oneHost(duration: "1h", processes: "[]", host: #""lock": {"kind": "flock", "staleAfter": "5s"}"#)))
    #expect(found.path == "$.hosts[0].lock.staleAfter")
  }
}

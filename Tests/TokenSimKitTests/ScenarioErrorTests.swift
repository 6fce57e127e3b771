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
    (#"{"name": "d", "role": "daemon", "workItems": {"every": "1m", "queue": 0}}"#, "$.hosts[0].processes[0].workItems.queue"),
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

/// The remaining knobs, one bad value each, with the path the error must name.
@Suite struct KnobValidationTests {
  func path(_ json: String) -> String? {
    do {
      _ = try Scenario.parse(json, file: "bad.json")
      return nil
    } catch { return error.path }
  }

  @Test(arguments: [
    (#"{"rateLimit": {"burst": 3}}"#, "$.server.rateLimit.perSecond"),
    (#"{"rateLimit": {"perSecond": 1, "retryAfterFormat": "http-date"}}"#, "$.server.rateLimit.retryAfterFormat"),
    (#"{"capacity": {"concurrent": 0}}"#, "$.server.capacity.concurrent"),
    (#"{"tokenLatency": {"uniform": ["3s", "1s"]}}"#, "$.server.tokenLatency.uniform[1]"),
    (#"{"apiLatency": {"lognormal": {"median": "1s"}}}"#, "$.server.apiLatency.lognormal.max"),
    (#"{"apiLatency": {"gaussian": "1s"}}"#, "$.server.apiLatency.gaussian"),
    (#"{"errorFormat": {"style": "rfc6749", "status": 402}}"#, "$.server.errorFormat.status"),
    (#"{"errorFormat": {"style": "github", "status": 400}}"#, "$.server.errorFormat.status"),
    (#"{"reuseLeeway": "2h"}"#, "$.server.reuseLeeway"),
    (#"{"accessTokenTTL": "0s"}"#, "$.server.accessTokenTTL"),
    (#"{"refreshTokenTTL": "never"}"#, "$.server.refreshTokenTTL"),
    (#"{"maxLiveRefreshTokens": 0}"#, "$.server.maxLiveRefreshTokens"),
    (#"{"onReuse": "revoke"}"#, "$.server.onReuse"),
    (#"{"leewayReply": "same"}"#, "$.server.leewayReply"),
    (#"{"rotationRevokesAccessTokens": "yes"}"#, "$.server.rotationRevokesAccessTokens"),
    (#"{"securityEvents": [{"at": "1h", "action": "revoke-all", "host": "h"}]}"#, "$.server.securityEvents[0].host"),
  ])
  func badServerKnobs(server: String, expectedPath: String) {
    #expect(path(oneHost(duration: "1h", server: server, processes: "[]")) == expectedPath)
  }

  @Test(arguments: [
    (#""clockOffset": "soon""#, "$.hosts[0].clockOffset"),
    (#""driftPPM": 1e9"#, "$.hosts[0].driftPPM"),
    (#""suspend": [{"from": "1h", "to": "2h"}, {"from": "90m", "to": "3h"}]"#, "$.hosts[0].suspend"),
    (#""suspend": [{"from": "1h"}]"#, "$.hosts[0].suspend[0].to"),
    (#""store": {"write": "append"}"#, "$.hosts[0].store.write"),
    (#""store": {"readTime": "2m"}"#, "$.hosts[0].store.readTime"),
    (#""lock": {"kind": "mutex"}"#, "$.hosts[0].lock.kind"),
    (#""login": "no""#, "$.hosts[0].login"),
  ])
  func badHostKnobs(host: String, expectedPath: String) {
    #expect(path(oneHost(duration: "1h", processes: "[]", host: host)) == expectedPath)
  }

  @Test(arguments: [
    (#"{"name": "c", "role": "cli", "arrivals": {"every": "1m", "perHour": 3}}"#, "$.hosts[0].processes[0].arrivals"),
    (#"{"name": "c", "role": "cli", "arrivals": {"every": "1m", "burst": 3}}"#, "$.hosts[0].processes[0].arrivals.burst"),
    (#"{"name": "d", "role": "daemon", "count": 0}"#, "$.hosts[0].processes[0].count"),
    (#"{"name": "d", "role": "daemon", "credentials": "keychain"}"#, "$.hosts[0].processes[0].credentials"),
    (#"{"name": "d", "role": "daemon", "crash": {"at": "1h", "during": "lunch"}}"#, "$.hosts[0].processes[0].crash.during"),
    (
      #"{"name": "d", "role": "daemon", "schedulerFailure": {"probability": 2}}"#,
      "$.hosts[0].processes[0].schedulerFailure.probability"
    ),
    (#"{"name": "d", "role": "daemon", "apiTimeout": "0s"}"#, "$.hosts[0].processes[0].apiTimeout"),
    (
      #"{"name": "d", "role": "daemon", "workItems": {"every": "1m", "maxAttempts": 0}}"#,
      "$.hosts[0].processes[0].workItems.maxAttempts"
    ),
    (#"{"name": "b", "role": "broker", "count": 2}"#, "$.hosts[0]"),
  ])
  func badProcessKnobs(process: String, expectedPath: String) {
    #expect(path(oneHost(duration: "1h", processes: "[\(process)]")) == expectedPath)
  }

  @Test func topLevelKnobs() {
    let base = #"{"name": "t", "description": "d", "duration": "1h", "hosts": [{"name": "h", "processes": []}]"#
    #expect(path(base + #", "seed": -1}"#) == "$.seed")
    #expect(path(base + #", "eventBudget": 10}"#) == "$.eventBudget")
    #expect(path(base + #", "expect": []}"#) == "$.expect")
    #expect(path(base + #", "checks": {"goodput": 1.5}}"#) == "$.checks.goodput")
    #expect(path(#"{"name": "t", "description": "d", "duration": "1h", "hosts": []}"#) == "$")
  }
}

import Testing

@testable import TokenSimKit

/// Durations count forward: a negative one (`"-1d"`, `"-30s"`) is refused wherever a duration
/// is read, with the JSON path, saying that it is negative. Only a host's clockOffset may be
/// negative (a clock behind true time).
@Suite struct NegativeDurationTests {
  func error(_ json: String) -> ScenarioError? {
    do {
      _ = try Scenario.parse(json, file: "negative.json")
      return nil
    } catch { return error }
  }

  func expectRefused(_ json: String, at path: String, _ value: String) {
    let found = error(json)
    #expect(found?.path == path, "\(json)")
    #expect(found?.found.contains(value) == true, "the message quotes \(value): \(found?.description ?? "accepted")")
  }

  static let daemon = #"[{"name": "d", "role": "daemon", "cycle": {"every": "1m"}}]"#

  @Test func theRunDurationAndTheReuseLeewayNameTheirPathAndSayNegative() throws {
    let duration = try #require(error(oneHost(duration: "-1d", processes: Self.daemon)))
    #expect(
      duration.description
        == #"negative.json:1: $.duration: expected a duration from 1s to 3650d written like "250ms", "30s" or "2h" (units us, ms, s, m, h, d), found the negative duration "-1d""#
    )
    let leeway = try #require(error(oneHost(duration: "1d", server: #"{"reuseLeeway": "-30s"}"#, processes: Self.daemon)))
    #expect(leeway.path == "$.server.reuseLeeway")
    #expect(leeway.found == #"the negative duration "-30s""#)
  }

  @Test(arguments: [
    (#"{"accessTokenTTL": "-1h"}"#, "$.server.accessTokenTTL"),
    (#"{"refreshTokenTTL": "-1d"}"#, "$.server.refreshTokenTTL"),
    (#"{"refreshTokenIdleTTL": "-1d"}"#, "$.server.refreshTokenIdleTTL"),
    (#"{"tokenLatency": "-1s"}"#, "$.server.tokenLatency"),
    (#"{"apiLatency": {"uniform": ["-1s", "1s"]}}"#, "$.server.apiLatency.uniform[0]"),
    (#"{"tokenLatency": {"lognormal": {"median": "-1s", "max": "1s"}}}"#, "$.server.tokenLatency.lognormal.median"),
    (#"{"capacity": {"concurrent": 1, "serviceTime": "-100ms"}}"#, "$.server.capacity.serviceTime"),
    (#"{"faults": [{"target": "token", "from": "-1m", "to": "1h", "status": 502}]}"#, "$.server.faults[0].from"),
    (#"{"faults": [{"target": "token", "from": "1m", "to": "-1h", "status": 502}]}"#, "$.server.faults[0].to"),
    (
      #"{"faults": [{"target": "token", "from": "1m", "to": "1h", "status": 429, "retryAfter": "-5s"}]}"#,
      "$.server.faults[0].retryAfter"
    ),
    (#"{"faults": [{"target": "token", "from": "1m", "to": "1h", "latency": "-5s"}]}"#, "$.server.faults[0].latency"),
    (#"{"securityEvents": [{"at": "-1h", "action": "revoke-all"}]}"#, "$.server.securityEvents[0].at"),
  ])
  func serverDurations(server: String, path: String) {
    expectRefused(oneHost(duration: "1d", server: server, processes: Self.daemon), at: path, "-")
  }

  @Test(arguments: [
    (#""suspend": [{"from": "-1h", "to": "2h"}]"#, "$.hosts[0].suspend[0].from"),
    (#""suspend": [{"from": "1h", "to": "-2h"}]"#, "$.hosts[0].suspend[0].to"),
    (#""store": {"readTime": "-1ms"}"#, "$.hosts[0].store.readTime"),
    (#""store": {"writeTime": "-5ms"}"#, "$.hosts[0].store.writeTime"),
    (#""lock": {"kind": "lock-file", "staleAfter": "-30s"}"#, "$.hosts[0].lock.staleAfter"),
  ])
  func hostDurations(host: String, path: String) {
    expectRefused(oneHost(duration: "1d", processes: Self.daemon, host: host), at: path, "-")
  }

  @Test(arguments: [
    (#"{"name": "d", "role": "daemon", "startAt": "-1m", "cycle": {"every": "1m"}}"#, "startAt"),
    (#"{"name": "d", "role": "daemon", "stopAt": "-1m", "cycle": {"every": "1m"}}"#, "stopAt"),
    (#"{"name": "d", "role": "daemon", "restartDelay": "-1s", "cycle": {"every": "1m"}}"#, "restartDelay"),
    (#"{"name": "d", "role": "daemon", "apiTimeout": "-30s", "cycle": {"every": "1m"}}"#, "apiTimeout"),
    (#"{"name": "d", "role": "daemon", "restartAfter": "-1s", "cycle": {"every": "1m"}}"#, "restartAfter"),
    (#"{"name": "d", "role": "daemon", "cycle": {"every": "-1m"}}"#, "cycle.every"),
    (#"{"name": "d", "role": "daemon", "workItems": {"every": "-1m"}}"#, "workItems.every"),
    (#"{"name": "d", "role": "daemon", "workItems": {"every": "1m", "retryDelay": "-1s"}}"#, "workItems.retryDelay"),
    (#"{"name": "d", "role": "daemon", "cycle": {"every": "1m"}, "crash": {"at": "-1h"}}"#, "crash.at"),
    (#"{"name": "c", "role": "cli", "arrivals": {"every": "-1m"}}"#, "arrivals.every"),
    (#"{"name": "c", "role": "cli", "arrivals": {"cron": "-1h"}}"#, "arrivals.cron"),
  ])
  func processDurations(process: String, key: String) {
    expectRefused(oneHost(duration: "1d", processes: "[\(process)]"), at: "$.hosts[0].processes[0].\(key)", "-")
  }

  @Test func aClockBehindTrueTimeIsTheOneNegativeDuration() throws {
    let parsed = try scenario(oneHost(duration: "1d", processes: Self.daemon, host: #""clockOffset": "-90s""#))
    #expect(parsed.hosts[0].clockOffset == .seconds(-90))
  }

  @Test(arguments: ["refreshWindow=-5m", "backoffBase=-1s", "backoffCap=-1m", "advisoryWindow=-10m", "requestTimeout=-30s"])
  func negativeStrategyParametersAreRefused(argument: String) throws {
    var parameters = try StrategyChoice(named: "naive").parameters
    #expect(throws: ScenarioError.self) { try parameters.set(argument: argument) }
  }
}

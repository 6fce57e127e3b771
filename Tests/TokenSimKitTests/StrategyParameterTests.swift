import Foundation
import Testing

@testable import TokenSimKit

/// Parameters from `--param` and strategy files: resolution, reports, and errors that name the
/// place and suggest a fix.
@Suite struct StrategyParameterTests {
  @Test func everyBuiltInStrategyDeclaresTheSharedKnobsWithValidDefaults() {
    #expect(StrategyCatalog.all.count == 8)
    for entry in StrategyCatalog.all {
      let names = entry.parameters.map(\.name)
      #expect(Set(names).count == names.count, "\(entry.name) declares a parameter twice")
      #expect(Set(CommonParameters.all.map(\.name)).isSubset(of: names))
      for parameter in entry.parameters {
        #expect(
          parameter.kind.parse(parameter.defaultValue.description) == parameter.defaultValue, "\(entry.name).\(parameter.name)")
      }
    }
  }

  @Test func overridesShowInTheResolvedParameters() throws {
    let leased = try choice("lease-shared", ["advisoryWindow=10m", "backoff=full-jitter", "requestTimeout=none"])
    #expect(leased.parameters.asText["advisoryWindow"] == "10m")
    #expect(leased.parameters.asText["backoff"] == "full-jitter")
    #expect(leased.parameters.asText["requestTimeout"] == "none")
    #expect(leased.parameters.asText["leaseDuration"] == "1m", "defaults stay")
    let policy = RefreshPolicy(leased.parameters)
    #expect(policy.advisoryWindow == .minutes(10) && policy.requestTimeout == nil && policy.backoff.kind == .fullJitter)
  }

  @Test(arguments: [
    ("backof=none", "backof", #"did you mean "backoff"?"#),
    ("backoff=jitter", "backoff", "one of \"none\", \"exponential\""),
    ("maxRetries=-1", "maxRetries", "a whole number from 0 to 100"),
    ("refreshWindow=2d", "refreshWindow", "a duration from 0s to 1d"),
    ("requestTimeout=nope", "requestTimeout", #"did you mean "none"?"#),
    ("honorRetryAfter=yes", "honorRetryAfter", "true or false"),
    ("=5m", "=5m", "NAME=VALUE"),
    ("retryRejectedCall=maybe", "retryRejectedCall", "true or false"),
    ("recoveryAfterRejections=0", "recoveryAfterRejections", "a whole number from 1 to 100"),
    ("schedulerTick=forever", "schedulerTick", #""none" or a duration from 1ms to 1h"#),
    ("retryAfterClock=sundial", "retryAfterClock", #"one of "local-clock", "reply-date""#),
    ("expiryFrom=jwt", "expiryFrom", #"one of "expires-in", "expires-at""#),
    ("retryAfterUse=sometimes", "retryAfterUse", #"one of "replaces-backoff", "at-least-backoff""#),
  ])
  func badParametersSayWhatIsExpected(argument: String, path: String, message: String) throws {
    var parameters = StrategyCatalog.named("naive")!.defaults
    #expect {
      try parameters.set(argument: argument)
    } throws: { error in
      let error = error as! ScenarioError
      return error.file == "--param" && error.path == path && error.description.contains(message)
    }
  }

  @Test func aStrategyFileNamesABaseAndOverrides() throws {
    let text = #"""
      {"name": "our-cli", "base": "lease-shared", "description": "10 minute window",
       "parameters": {"advisoryWindow": "10m", "maxRetries": 3, "retryBudget": true}}
      """#
    let choice = try StrategyFile.parse(text, file: "our-cli.json")
    #expect(choice.name == "our-cli" && choice.base.name == "lease-shared")
    #expect(choice.parameters.asText["maxRetries"] == "3" && choice.parameters.asText["retryBudget"] == "true")
    let result = Simulation(
      scenario: try scenario(oneHost(duration: "1h", processes: #"[{"name": "d", "role": "daemon"}]"#)), strategy: choice
    ).run()
    #expect(result.strategyName == "our-cli" && result.parameters["advisoryWindow"] == "10m")
  }

  @Test(arguments: [
    (#"{"base": "lease-shard"}"#, "$.base", 1, #"did you mean "lease-shared"?"#),
    ("{\"base\": \"naive\",\n \"parameters\": {\"skew\": \"10s\"}}", "$.parameters.skew", 2, "a parameter of this strategy"),
    (
      "{\"base\": \"naive\",\n\n \"parameters\": {\"maxRetries\": 2.5}}", "$.parameters.maxRetries", 3,
      "a whole number from 0 to 100"
    ),
    (#"{"base": "naive", "paramters": {}}"#, "$.paramters", 1, #"did you mean "parameters"?"#),
    (#"{"name": "x"}"#, "$.base", 1, "the built-in strategy it is based on"),
    (#"{"base": "naive", "parameters": {"backoff": "exp"}}"#, "$.parameters.backoff", 1, "one of"),
  ])
  func badStrategyFilesPointAtTheLine(text: String, path: String, line: Int, message: String) throws {
    #expect {
      try StrategyFile.parse(text, file: "s.json")
    } throws: { error in
      let error = error as! ScenarioError
      return error.path == path && error.line == line && error.description.contains(message)
    }
  }
}

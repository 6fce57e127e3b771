import Foundation
import Testing
import TokenSimKit

/// The README's custom-strategy example, run as written (public API only).
struct AlwaysDeny: RefreshStrategy {
  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    if case .tokenNeeded(let ask, _) = event { actions.append(.deny(ask: ask, reason: "no token")) }
  }
}

@Suite struct CustomStrategyTests {
  @Test func theReadmeExampleRunsEndToEnd() throws {
    let scenario = try Scenario.load(path: packageRoot.path + "/Scenarios/quiet-day.json")
    let result = Simulation(scenario: scenario, strategyName: "always-deny") { _ in AlwaysDeny() }.run()
    #expect(result.metrics.availability == 0.0)
    #expect(result.metrics.apiCalls == 1_441)
    #expect(result.metrics.tokenRequests == 0)
  }

  @Test func theReadmeOverrideExampleRuns() throws {
    let scenario = try Scenario.load(path: packageRoot.path + "/Scenarios/quiet-day.json")
    var choice = try StrategyChoice(named: "lease-shared")
    try choice.parameters.set(argument: "advisoryWindow=10m")
    let leased = Simulation(scenario: scenario, strategy: choice).run()
    #expect(leased.parameters["advisoryWindow"] == "10m")
    #expect(leased.metrics.availability == 1)
  }

  /// A custom strategy composed from the shared engine, as a Swift user would: a naive client
  /// that honours Retry-After, built from its resolved parameters.
  @Test func aCustomStrategyCanReuseTheSharedEngine() throws {
    var parameters = StrategyParameters(defaults: CommonParameters.all)
    try parameters.set(argument: "honorRetryAfter=true")
    let policy = RefreshPolicy(parameters)
    let scenario = try Scenario.load(path: packageRoot.path + "/Scenarios/quiet-day.json")
    let result = Simulation(scenario: scenario, strategyName: "composed") { _ in
      RefreshClient(policy: policy, coordination: .reread)
    }.run()
    #expect(result.metrics.tokenRequests == 47)
  }

  /// A custom strategy names its own timers; a timer name is coded as its text.
  @Test func timerNamesAreCodedAsTheirText() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let poll = StrategyAction.setTimer(name: TimerName("poll"), at: .start + .seconds(1))
    #expect(String(decoding: try encoder.encode(poll), as: UTF8.self) == #"{"setTimer":{"at":1000000,"name":"poll"}}"#)
    let fired = try JSONDecoder().decode(StrategyEvent.self, from: Data(#"{"timerFired":{"name":"refresh"}}"#.utf8))
    #expect(fired == .timerFired(name: .refresh))
  }

  /// A token reply is coded with its properties' names (the status is stored under another).
  @Test func aTokenReplyIsCodedWithItsFieldNames() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let reply = StrategyEvent.refreshCompleted(
      request: 4,
      reply: .response(http: HTTPReply(status: 400, retryAfter: "120", date: .start, body: .oauthError(error: "invalid_grant"))))
    let text = String(decoding: try encoder.encode(reply), as: UTF8.self)
    #expect(
      text
        == #"{"refreshCompleted":{"reply":{"response":{"http":{"body":{"oauthError":{"error":"invalid_grant"}},"date":0,"retryAfter":"120","status":400}}},"request":4}}"#
    )
    #expect(try JSONDecoder().decode(StrategyEvent.self, from: Data(text.utf8)) == reply)
  }

  @Test func strategyMessagesRoundTripAsJSON() throws {
    let actions: [StrategyAction] = [
      .sendRefresh(request: 3, refreshToken: RefreshToken(serial: 7), timeout: .seconds(15)),
      .writeStore(
        contents:
          StoreContents(credentials: Credentials(accessToken: AccessToken(serial: 2), accessExpiresAt: .start, refreshToken: nil))
      ),
    ]
    let data = try JSONEncoder().encode(actions)
    #expect(try JSONDecoder().decode([StrategyAction].self, from: data) == actions)
    #expect(String(decoding: data, as: UTF8.self).contains(#""rt-7""#))
  }
}

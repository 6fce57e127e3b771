import Foundation
import Testing

@testable import TokenSimKit

/// The authorization server driven directly, as a socket loop would: requests in, steps out, no
/// world and no event queue.
@Suite struct TokenEndpointTests {
  let t0 = SimInstant.start + .minutes(1)
  let latency = SimDuration.milliseconds(100)

  func server(_ configure: (inout ServerConfig) -> Void = { _ in }) -> AuthorizationServer {
    var config = ServerConfig()
    configure(&config)
    return AuthorizationServer(config: config, seed: 1)
  }

  func fault(_ effect: FaultEffect) -> FaultRule {
    FaultRule(target: .token, effect: effect, window: nil, probability: 1, nextRequests: nil)
  }

  /// The HTTP reply and its arrival, when the step's fate is a reply.
  func reply(_ step: TokenEndpointStep) -> (http: HTTPReply, at: SimInstant)? {
    if case .reply(let http, let at)? = step.fate { (http, at) } else { nil }
  }

  /// The grant a reply carries.
  func grant(_ step: TokenEndpointStep) -> TokenGrant? {
    if case .tokens(let grant)? = reply(step)?.http.body { grant } else { nil }
  }

  @Test func aRefreshIsIssuedAndAnsweredAfterTheLatency() throws {
    var server = server()
    let login = server.logIn(host: "h", now: .start)
    let step = server.receive(1, presenting: try #require(login.refreshToken), now: t0)
    #expect(step.serviceDue == nil)
    let expiry = RefreshExpiry(at: t0 + .days(30), idle: false)
    #expect(
      step.commit == RefreshCommit(decision: .issued, family: 1, refreshExpiry: expiry),
      "the new refresh token lives the default 30 days from its issue")
    let answer = try #require(reply(step))
    #expect(answer.http.status == 200)
    #expect(answer.at == t0 + latency)
    let issued = try #require(grant(step))
    #expect(issued.refreshToken != login.refreshToken)
    #expect(server.accepts(issued.accessToken, now: t0))
    #expect(server.requestsInFlight == 0)
    server.checkInvariants(now: t0)
  }

  @Test func aReusedTokenIsRefusedAndRevokesTheFamily() throws {
    var server = server()
    let login = server.logIn(host: "h", now: .start)
    let token = try #require(login.refreshToken)
    let first = try #require(grant(server.receive(1, presenting: token, now: t0)))
    let reuse = server.receive(2, presenting: token, now: t0 + .seconds(1))
    #expect(reuse.commit == RefreshCommit(decision: .reuse, family: 1, reusedToken: token.serial, revokedFamily: true))
    #expect(
      reply(reuse)?.http
        == HTTPReply(status: 400, date: .start + .minutes(1) + .seconds(1), body: .oauthError(error: "invalid_grant")))
    #expect(!server.accepts(first.accessToken, now: t0 + .seconds(1)))
    let after = server.receive(3, presenting: try #require(first.refreshToken), now: t0 + .seconds(2))
    #expect(after.commit?.decision == .revoked)
    server.checkInvariants(now: t0 + .seconds(2))
  }

  @Test func aStatusFaultAnswersWithRetryAfterBeforeTheCommit() throws {
    var server = server {
      $0.faults = [fault(.status(503, retryAfter: RetryAfterSpec(delay: .seconds(120), format: .delaySeconds)))]
    }
    let login = server.logIn(host: "h", now: .start)
    let step = server.receive(1, presenting: try #require(login.refreshToken), now: t0)
    #expect(step.commit == nil)
    #expect(reply(step)?.http == HTTPReply(status: 503, retryAfter: "120", date: .start + .minutes(1), body: .empty))
    #expect(reply(step)?.at == t0 + latency)
  }

  @Test func capacityServesInArrivalOrderThenAnswers503() throws {
    var server = server { $0.capacity = CapacityConfig(concurrent: 1, queue: 2, serviceTime: .fixed(.seconds(1))) }
    let login = server.logIn(host: "h", now: .start)
    let token = try #require(login.refreshToken)
    #expect(
      server.receive(1, presenting: token, now: t0) == TokenEndpointStep(serviceDue: ServiceDue(request: 1, at: t0 + .seconds(1)))
    )
    #expect(server.receive(2, presenting: token, now: t0) == TokenEndpointStep())
    #expect(server.receive(3, presenting: token, now: t0) == TokenEndpointStep())
    #expect(reply(server.receive(4, presenting: token, now: t0))?.http.status == 503)
    #expect(server.requestsInFlight == 3)
    server.checkInvariants(now: t0)
    var served: [Int] = []
    var next = ServiceDue(request: 1, at: t0 + .seconds(1))
    while true {
      served.append(next.request)
      let step = server.finishService(next.request, now: next.at)
      #expect(step.commit != nil)
      #expect(reply(step) != nil)
      guard let due = step.serviceDue else { break }
      #expect(due.at == next.at + .seconds(1))
      next = due
    }
    #expect(served == [1, 2, 3])
    #expect(server.requestsInFlight == 0)
    server.checkInvariants(now: next.at)
  }

  @Test func lostAfterCommitCommitsAndNeverAnswers() throws {
    var server = server { $0.faults = [fault(.lostAfterCommit)] }
    let login = server.logIn(host: "h", now: .start)
    let token = try #require(login.refreshToken)
    let step = server.receive(1, presenting: token, now: t0)
    #expect(step.commit?.decision == .issued)
    #expect(step.fate == .lostAfterCommit)
    #expect(server.receive(2, presenting: token, now: t0 + .seconds(1)).commit?.decision == .reuse)
  }

  @Test func aResetAnswersBeforeTheCommit() throws {
    var server = server { $0.faults = [FaultRule(target: .token, effect: .reset, window: nil, probability: 1, nextRequests: 1)] }
    let login = server.logIn(host: "h", now: .start)
    let token = try #require(login.refreshToken)
    let reset = server.receive(1, presenting: token, now: t0)
    #expect(reset == TokenEndpointStep(fate: .reset(at: t0 + .milliseconds(1))))
    #expect(server.receive(2, presenting: token, now: t0 + .seconds(1)).commit?.decision == .issued)
  }

  @Test func theRateLimitAnswers429WithRetryAfter() throws {
    var server = server {
      $0.rateLimit = RateLimitConfig(
        perSecond: 0.01, burst: 1, retryAfter: RetryAfterSpec(delay: .seconds(30), format: .delaySeconds))
    }
    let login = server.logIn(host: "h", now: .start)
    let token = try #require(login.refreshToken)
    let first = try #require(grant(server.receive(1, presenting: token, now: t0)))
    let limited = server.receive(2, presenting: try #require(first.refreshToken), now: t0)
    #expect(limited.commit == nil)
    #expect(
      reply(limited)?.http
        == HTTPReply(status: 429, retryAfter: "30", date: .start + .minutes(1), body: .oauthError(error: "rate_limited")))
  }

  @Test func aSecurityEventRevokesTheHostsFamilyAndTheAPIRefusesItsTokens() throws {
    var server = server()
    let login = server.logIn(host: "h", now: .start)
    _ = server.logIn(host: "other", now: .start)
    #expect(server.callAPI(with: login.accessToken, now: t0) == .answer(status: 200, at: t0 + .milliseconds(50)))
    #expect(server.revokeSessions(for: SecurityEvent(at: t0, host: "h"), now: t0) == [1])
    #expect(server.revokeSessions(for: SecurityEvent(at: t0, host: nil), now: t0) == [2])
    #expect(server.callAPI(with: login.accessToken, now: t0) == .answer(status: 401, at: t0 + .milliseconds(50)))
  }

  @Test func aViolationNamesTheFamilyAndTheTime() {
    var server = server()
    _ = server.logIn(host: "h", now: .start)
    _ = server.revokeSessions(for: SecurityEvent(at: t0, host: "h"), now: t0)
    #expect(server.invariantViolations(now: t0) == [])
    #expect(server.invariantViolations(now: .start) == ["family 1 is revoked at t+1m, later than now (t+0s)"])
  }

  @Test func aBrokenInvariantStopsTheProgramWithItsMessage() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      var server = AuthorizationServer(config: ServerConfig(), seed: 1)
      _ = server.logIn(host: "h", now: .start)
      _ = server.revokeSessions(for: SecurityEvent(at: .start, host: "h"), now: .start + .minutes(2))
      server.checkInvariants(now: .start + .minutes(1))
    }
    let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    #expect(message.contains("family 1 is revoked at t+2m, later than now (t+1m)"))
  }
}

/// The server's invariants hold after whole runs that exercise its every path.
@Suite struct ServerInvariantRunTests {
  @Test(arguments: ["metastable-retry-storm", "reuse-no-leeway", "lost-response-leeway", "silently-revoked", "retry-after-429"])
  func theServerIsSoundAfterABundledScenario(name: String) throws {
    let file = packageRoot.appendingPathComponent("Scenarios/\(name).json")
    let scenario = try Scenario.parse(String(contentsOf: file, encoding: .utf8), file: file.path)
    let world = World(scenario: scenario, seed: 1, retention: .discard) { _ in NaiveStrategy() }
    world.run()
    #expect(world.server.invariantViolations(now: world.now) == [])
  }
}

/// The world's side of token requests follows live clients.
@Suite struct TokenRequestDriverTests {
  /// A daemon crashes as it sends a refresh that the server never answers; its timeout, addressed
  /// to the dead incarnation, is dropped, so only the crash can end its side of the request.
  @Test func aCrashedClientsSilentRequestIsNotKeptForever() throws {
    let server = #"{"faults": [{"target": "token", "effect": "hang", "from": "50m", "nextRequests": 1}]}"#
    let processes = #"""
      [{"name": "d", "role": "daemon", "cycle": {"every": "1m"}, "crash": {"at": "55m", "during": "mid-refresh"},
        "restartAfter": "10s"}]
      """#
    let world = World(scenario: try scenario(oneHost(duration: "2h", server: server, processes: processes)), seed: 1) { _ in
      NaiveStrategy()
    }
    world.run()
    #expect(world.trace.contains { $0.kind == .processCrashed(process: 1) })
    #expect(world.tokenRequests.isEmpty)
  }

  /// The same for an API call: a daemon crashes while the API holds its call unanswered; the
  /// call's timeout, addressed to the dead incarnation, must still forget the call.
  @Test func aCrashedClientsUnansweredAPICallIsNotKeptForever() throws {
    let server = #"{"faults": [{"target": "api", "effect": "hang", "from": "50m", "nextRequests": 1}]}"#
    let processes = #"""
      [{"name": "d", "role": "daemon", "cycle": {"every": "1m"}, "crash": {"at": "50m10s"}, "restartAfter": "10s"}]
      """#
    let world = World(scenario: try scenario(oneHost(duration: "2h", server: server, processes: processes)), seed: 1) { _ in
      NaiveStrategy()
    }
    world.run()
    #expect(world.trace.contains { $0.kind == .processCrashed(process: 1) })
    #expect(world.apiCalls.isEmpty)
  }
}

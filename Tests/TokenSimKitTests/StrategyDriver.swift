@testable import TokenSimKit

/// Feeds events to one strategy instance with a controllable clock, without a world: the
/// sans-IO harness for strategy unit tests.
struct StrategyDriver {
  var strategy: any RefreshStrategy
  var context: StrategyContext

  /// A built-in strategy with `NAME=VALUE` overrides, as process `processID` of `role`.
  init(_ name: String, _ parameters: [String] = [], processID: Int = 1, role: ProcessRole = .daemon) throws {
    let choice = try choice(name, parameters)
    strategy = choice.makeStrategy(role)
    context = StrategyContext(
      now: .start, processID: processID, role: role, random: RandomStream(rootSeed: 1, name: "driver"))
  }

  /// Delivers `event` at `time` and returns the actions.
  mutating func at(_ time: SimInstant, _ event: StrategyEvent) -> [StrategyAction] {
    context.now = time
    return strategy.handle(event, context: &context)
  }
}

/// Credentials `at-N`/`rt-N` whose access token expires at `expiry`.
func credentials(_ serial: Int, expiry: SimInstant) -> Credentials {
  Credentials(accessToken: AccessToken(serial: serial), accessExpiresAt: expiry, refreshToken: RefreshToken(serial: serial))
}

/// A store holding `credentials` and optionally a lease and a throttle.
func stored(_ credentials: Credentials, lease: Lease? = nil, nextRefreshAt: SimInstant? = nil) -> StoreReadResult {
  .contents(store: StoreContents(credentials: credentials, lease: lease, nextRefreshAt: nextRefreshAt))
}

/// A 200 token response with pair `serial` living `ttl`.
func issued(_ serial: Int, ttl: SimDuration = .minutes(30)) -> TokenEndpointReply {
  .response(
    http:
      HTTPReply(
        status: 200,
        body: .tokens(
          grant:
            TokenGrant(accessToken: AccessToken(serial: serial), expiresIn: ttl, refreshToken: RefreshToken(serial: serial)))
      ))
}

/// An error response.
func failed(_ status: Int, retryAfter: String? = nil, error: String? = nil) -> TokenEndpointReply {
  .response(http: HTTPReply(status: status, retryAfter: retryAfter, body: error.map { .oauthError(error: $0) } ?? .empty))
}

/// Minutes and seconds from the start of the run.
func t(_ minutes: Int64, _ seconds: Int64 = 0) -> SimInstant { .start + .minutes(minutes) + .seconds(seconds) }

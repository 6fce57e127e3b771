import Testing

@testable import TokenSimKit

/// The API refuses an access token from the whole-second expiry its grant announced
/// (`expires_at`, a JWT's `exp`; RFC 7519 §4.1.4: "on or after which the JWT MUST NOT be
/// accepted"), not from the unrounded issue plus lifetime up to a second later.
@Suite struct AnnouncedExpiryTests {
  let microsecond = SimDuration(microseconds: 1)

  func server(accessTokenTTL: SimDuration = .hours(1)) -> AuthorizationServer {
    var config = ServerConfig()
    config.accessTokenTTL = accessTokenTTL
    return AuthorizationServer(config: config, seed: 1)
  }

  /// The grant of a refresh served at `now` with no capacity limit.
  func refresh(_ server: inout AuthorizationServer, presenting token: RefreshToken, at now: SimInstant) -> TokenGrant? {
    let step = server.receive(1, presenting: token, now: now)
    if case .reply(let http, _)? = step.fate, case .tokens(let grant) = http.body { return grant }
    return nil
  }

  /// The API's status for a call bearing `token` at `now`.
  func status(_ server: inout AuthorizationServer, _ token: AccessToken, at now: SimInstant) -> Int? {
    if case .answer(let status, _) = server.callAPI(with: token, now: now) { return status }
    return nil
  }

  @Test func aTokenIssuedOnAWholeSecondIsRefusedFromIssuePlusItsLifetime() throws {
    var server = server()
    let login = server.logIn(host: "h", now: .start)
    let expiry = SimInstant.start + .hours(1)
    #expect(login.expiresAt == expiry)
    #expect(status(&server, login.accessToken, at: expiry - microsecond) == 200)
    #expect(status(&server, login.accessToken, at: expiry) == 401)
  }

  @Test func aTokenIssuedMidSecondIsRefusedFromTheAnnouncedSecondNotTheUnroundedOne() throws {
    // Issued at 1:30.7 for an hour: announced to expire at 1:01:30, 0.7 s before issue plus TTL.
    var server = server()
    let token = try #require(server.logIn(host: "h", now: .start).refreshToken)
    let issued = SimInstant.start + .seconds(90) + .milliseconds(700)
    let grant = try #require(refresh(&server, presenting: token, at: issued))
    let announced = SimInstant.start + .hours(1) + .seconds(90)
    #expect(grant.expiresAt == announced)
    #expect(status(&server, grant.accessToken, at: announced - microsecond) == 200)
    #expect(status(&server, grant.accessToken, at: announced) == 401)
    // The stalled client's last chance before the fix: issue plus TTL less a microsecond.
    #expect(status(&server, grant.accessToken, at: issued + .hours(1) - microsecond) == 401)
    #expect(!server.accepts(grant.accessToken, now: announced))
  }

  @Test func aLifetimeOfAFractionOfSecondsEndsOnTheSecondItAnnounces() throws {
    // 1.5 s tokens: issued at 10.7 s the announced expiry is 12 s; issued at 10.2 s, 11 s (both
    // after issue, since a lifetime is at least a second).
    for (issuedMilliseconds, announcedSeconds) in [(10_700, 12), (10_200, 11)] as [(Int64, Int64)] {
      var server = server(accessTokenTTL: .milliseconds(1_500))
      let token = try #require(server.logIn(host: "h", now: .start).refreshToken)
      let issued = SimInstant.start + .milliseconds(issuedMilliseconds)
      let grant = try #require(refresh(&server, presenting: token, at: issued))
      let announced = SimInstant.start + .seconds(announcedSeconds)
      #expect(grant.expiresAt == announced)
      #expect(grant.expiresIn == .milliseconds(1_500))
      #expect(status(&server, grant.accessToken, at: announced - microsecond) == 200)
      #expect(status(&server, grant.accessToken, at: announced) == 401)
    }
  }

  /// A daemon calling every 0.7 s from 0.3 s into the run with 10-minute tokens, refreshing only
  /// once it believes its token expired (`refreshWindow=0s`) and counting `expires_in` from
  /// receipt (Go's x/oauth2 without its expiry delta), so it calls in its tokens' last second.
  @Test func aClientCallingPastTheAnnouncedSecondIsRefusedOncePerToken() throws {
    let json = oneHost(
      duration: "35m", server: #"{"accessTokenTTL": "10m"}"#,
      processes: #"[{"name": "d", "role": "daemon", "startAt": "300ms", "cycle": {"every": "700ms"}}]"#)
    let result = try run(json, strategy: "naive", "refreshWindow=0s", "expiryFrom=expires-in")
    // The login token expires at 10:00; the call at 10:00.2 refreshes it. That token is announced
    // to expire at 20:00 (10:00.2 + 10 min, rounded down), and the client, counting from the
    // reply's arrival at 10:00.3, calls with it at 20:00.1: refused (401 back at 20:00.15); its
    // next call, at 20:00.8, refreshes. The token of 20:00.8 is announced to expire at 30:00 and
    // is refused on the 30:00.0 call. The server accepted both calls when it kept each token
    // until issue plus lifetime (20:00.2 and 30:00.8).
    #expect(result.metrics.apiCallsFailed == 2)
    let refused = events(result) { if case .apiCallEnded(_, false, 401) = $0 { true } else { false } }
    #expect(refused.map(\.time.microseconds) == [1_200_150_000, 1_800_050_000])
    #expect(sent(result).map(\.time.microseconds) == [600_200_000, 1_200_800_000, 1_800_700_000])
  }
}

import Testing

@testable import TokenSimKit

/// Sans-IO tests: given this event sequence, these actions. No world is involved.
@Suite struct StrategyUnitTests {
  let pair1 = credentials(1, expiry: t(30))

  @Test func naiveRefreshesLazilyAndRestartsOnRefusal() throws {
    var naive = try StrategyDriver("naive")
    #expect(naive.at(t(0), .started(cause: .processStart)) == [.readStore])
    #expect(naive.at(t(0), .storeRead(result: stored(pair1))) == [])
    #expect(naive.at(t(29, 49), .tokenNeeded(ask: 1, forceRefresh: false)) == [.grant(ask: 1, token: AccessToken(serial: 1))])
    #expect(
      naive.at(t(29, 51), .tokenNeeded(ask: 2, forceRefresh: false)) == [
        .sendRefresh(request: 1, refreshToken: RefreshToken(serial: 1), timeout: nil)
      ])
    #expect(naive.at(t(29, 51), .tokenNeeded(ask: 3, forceRefresh: false)) == [], "one refresh at a time")
    let renewed = StoreContents(credentials: credentials(2, expiry: t(29, 52) + .minutes(30)))
    #expect(
      naive.at(t(29, 52), .refreshCompleted(request: 1, reply: issued(2))) == [
        .writeStore(contents: renewed), .grant(ask: 2, token: AccessToken(serial: 2)),
        .grant(ask: 3, token: AccessToken(serial: 2)),
      ])
    _ = naive.at(t(59, 55), .tokenNeeded(ask: 4, forceRefresh: false))
    #expect(
      naive.at(t(59, 56), .refreshCompleted(request: 2, reply: failed(403, error: "invalid_grant"))) == [
        .deny(ask: 4, reason: "refresh token refused"), .restartWorkLoop,
      ])
  }

  /// Calls that ask while the store is being read wait, and are answered in ask order, even when
  /// they asked out of turn (the oldest waits in a slot of its own, the others in a line).
  @Test func callsWaitingForTheStoreAreAnsweredInAskOrder() throws {
    var naive = try StrategyDriver("naive")
    #expect(naive.at(t(0), .started(cause: .processStart)) == [.readStore])
    for ask in [3, 1, 4, 2, 4] { #expect(naive.at(t(0), .tokenNeeded(ask: ask, forceRefresh: false)) == []) }
    let token = AccessToken(serial: 1)
    #expect(naive.at(t(0), .storeRead(result: stored(pair1))) == [1, 2, 3, 4].map { .grant(ask: $0, token: token) })
    #expect(naive.at(t(0), .tokenNeeded(ask: 5, forceRefresh: false)) == [.grant(ask: 5, token: token)])
  }

  @Test func naiveHammersThroughAnOutage() throws {
    var naive = try StrategyDriver("naive")
    _ = naive.at(t(0), .started(cause: .processStart))
    _ = naive.at(t(0), .storeRead(result: stored(pair1)))
    for (index, second) in [Int64(0), 1, 2].enumerated() {
      let request = index + 1
      #expect(
        naive.at(t(30, second), .tokenNeeded(ask: request, forceRefresh: false)) == [
          .sendRefresh(request: request, refreshToken: RefreshToken(serial: 1), timeout: nil)
        ])
      #expect(
        naive.at(t(30, second), .refreshCompleted(request: request, reply: failed(502, retryAfter: "60"))) == [
          .deny(ask: request, reason: "refresh failed")
        ])
    }
  }

  @Test func rereadFromDiskAdoptsAPairAnotherProcessLeft() throws {
    var reread = try StrategyDriver("reread-from-disk")
    _ = reread.at(t(0), .started(cause: .processStart))
    _ = reread.at(t(0), .storeRead(result: stored(pair1)))
    #expect(reread.at(t(29, 55), .tokenNeeded(ask: 1, forceRefresh: false)) == [.readStore])
    let pair2 = credentials(2, expiry: t(59, 50))
    #expect(reread.at(t(29, 55), .storeRead(result: stored(pair2))) == [.grant(ask: 1, token: AccessToken(serial: 2))])
  }

  @Test func rereadFromDiskRetriesOnceThenNeedsLogin() throws {
    var reread = try StrategyDriver("reread-from-disk")
    _ = reread.at(t(0), .started(cause: .processStart))
    _ = reread.at(t(0), .storeRead(result: stored(pair1)))
    _ = reread.at(t(30), .tokenNeeded(ask: 1, forceRefresh: false))
    #expect(
      reread.at(t(30), .storeRead(result: stored(pair1))) == [
        .sendRefresh(request: 1, refreshToken: RefreshToken(serial: 1), timeout: nil)
      ])
    #expect(reread.at(t(30), .refreshCompleted(request: 1, reply: failed(400, error: "invalid_grant"))) == [.readStore])
    #expect(
      reread.at(t(30), .storeRead(result: stored(pair1))) == [
        .raiseAlert(message: "the refresh token was refused; sign in again"), .deny(ask: 1, reason: "needs login"),
      ])
    #expect(reread.at(t(31), .tokenNeeded(ask: 2, forceRefresh: false)) == [.deny(ask: 2, reason: "needs login")])
  }

  @Test func leaseSharedWaitsForAnotherHolderAndClaimsAFreeLease() throws {
    var lease = try StrategyDriver("lease-shared", processID: 7)
    _ = lease.at(t(0), .started(cause: .processStart))
    _ = lease.at(t(0), .storeRead(result: stored(pair1)))
    #expect(lease.at(t(29, 55), .tokenNeeded(ask: 1, forceRefresh: false)) == [.acquireLock(wait: .seconds(5))])
    #expect(lease.at(t(29, 55), .lockGranted) == [.readStore])
    let theirs = Lease(holder: 3, expiresAt: t(30, 20))
    #expect(
      lease.at(t(29, 55), .storeRead(result: stored(pair1, lease: theirs))) == [
        .releaseLock, .setTimer(name: .lease, at: t(29, 56)),
      ])
    _ = lease.at(t(29, 56), .timerFired(name: .lease))
    _ = lease.at(t(29, 56), .lockGranted)
    let mine = StoreContents(credentials: pair1, lease: Lease(holder: 7, expiresAt: t(30, 56)))
    #expect(
      lease.at(t(29, 56), .storeRead(result: stored(pair1, lease: Lease(holder: 3, expiresAt: t(29, 56))))) == [
        .writeStore(contents: mine)
      ])
    #expect(
      lease.at(t(29, 56), .storeWritten) == [
        .releaseLock, .sendRefresh(request: 1, refreshToken: RefreshToken(serial: 1), timeout: .seconds(30)),
      ])
  }

  @Test func leaseSharedSharesTheRetryAfterDeadlineAndKeepsAValidToken() throws {
    var lease = try StrategyDriver("lease-shared", processID: 7)
    _ = lease.at(t(0), .started(cause: .processStart))
    _ = lease.at(t(0), .storeRead(result: stored(pair1)))
    let advisory = lease.at(t(26), .tokenNeeded(ask: 1, forceRefresh: false))
    #expect(advisory == [.grant(ask: 1, token: AccessToken(serial: 1)), .acquireLock(wait: .seconds(5))])
    _ = lease.at(t(26), .lockGranted)
    _ = lease.at(t(26), .storeRead(result: stored(pair1)))
    _ = lease.at(t(26), .storeWritten)
    let date = HTTPDate.format(t(28))
    #expect(
      lease.at(t(26), .refreshCompleted(request: 1, reply: failed(503, retryAfter: date))) == [.acquireLock(wait: .seconds(5))])
    let throttled = StoreContents(credentials: pair1, lease: nil, nextRefreshAt: t(28))
    #expect(lease.at(t(26), .lockGranted) == [.writeStore(contents: throttled)])
    #expect(lease.at(t(26), .storeWritten) == [.releaseLock])
    #expect(lease.at(t(27), .tokenNeeded(ask: 2, forceRefresh: false)) == [.grant(ask: 2, token: AccessToken(serial: 1))])
  }

  /// The shared deadline lease-shared writes after an advisory refresh fails with 503 at 26:00.
  func leaseSharedThrottle(retryAfter: String?, _ parameters: [String] = []) throws -> SimInstant? {
    var lease = try StrategyDriver("lease-shared", parameters, processID: 7)
    _ = lease.at(t(0), .started(cause: .processStart))
    _ = lease.at(t(0), .storeRead(result: stored(pair1)))
    _ = lease.at(t(26), .tokenNeeded(ask: 1, forceRefresh: false))
    _ = lease.at(t(26), .lockGranted)
    _ = lease.at(t(26), .storeRead(result: stored(pair1)))
    _ = lease.at(t(26), .storeWritten)
    _ = lease.at(t(26), .refreshCompleted(request: 1, reply: failed(503, retryAfter: retryAfter)))
    guard case .writeStore(let contents)? = lease.at(t(26), .lockGranted).first else { return nil }
    return contents.nextRefreshAt
  }

  @Test func aShortRetryAfterIsHonouredAsGiven() throws {
    // Seed 003: the 24-36 s jitter only when there is no Retry-After.
    #expect(try leaseSharedThrottle(retryAfter: "5") == t(26, 5))
    #expect(try leaseSharedThrottle(retryAfter: HTTPDate.format(t(26, 10))) == t(26, 10))
    let jittered = try #require(try leaseSharedThrottle(retryAfter: nil))
    #expect(jittered >= t(26, 24) && jittered <= t(26, 36))
    // Azure.Core's way, as a parameter: a Retry-After only lengthens the backoff.
    let atLeast = try #require(try leaseSharedThrottle(retryAfter: "5", ["retryAfterUse=at-least-backoff"]))
    #expect(atLeast >= t(26, 24) && atLeast <= t(26, 36))
    #expect(try leaseSharedThrottle(retryAfter: "90", ["retryAfterUse=at-least-backoff"]) == t(27, 30))
  }

  @Test func leaseSharedBlocksARequiredRefreshUntilTheSharedDeadline() throws {
    var lease = try StrategyDriver("lease-shared", processID: 2)
    _ = lease.at(t(0), .started(cause: .processStart))
    _ = lease.at(t(0), .storeRead(result: stored(pair1, nextRefreshAt: t(31))))
    #expect(lease.at(t(30), .tokenNeeded(ask: 1, forceRefresh: false)) == [.setTimer(name: .retry, at: t(31))])
    #expect(lease.at(t(31), .timerFired(name: .retry)) == [.acquireLock(wait: .seconds(5))])
  }

  @Test func anExpiredTokenNeverReachesTheAPIAfterAnAdvisoryRefreshFails() throws {
    var single = try StrategyDriver("single-flight")
    _ = single.at(t(0), .started(cause: .processStart))
    _ = single.at(t(0), .storeRead(result: stored(pair1)))
    #expect(
      single.at(t(28, 59), .tokenNeeded(ask: 1, forceRefresh: false)) == [
        .grant(ask: 1, token: AccessToken(serial: 1)),
        .sendRefresh(request: 1, refreshToken: RefreshToken(serial: 1), timeout: nil),
      ])
    #expect(single.at(t(29, 30), .tokenNeeded(ask: 2, forceRefresh: false)) == [], "waits for the refresh in flight")
    // at-1 expired at 30:00, while the advisory request was out: the failure is the waiting
    // call's required refresh failing, not a reason to hand it the expired token.
    #expect(single.at(t(30, 5), .refreshCompleted(request: 1, reply: failed(503))) == [.deny(ask: 2, reason: "refresh failed")])
    #expect(
      single.at(t(30, 6), .tokenNeeded(ask: 3, forceRefresh: false)) == [
        .sendRefresh(request: 2, refreshToken: RefreshToken(serial: 1), timeout: nil)
      ])
  }

  @Test func singleFlightKeepsOldCredentialsForAJitteredWhileAfterAnAdvisoryFailure() throws {
    var single = try StrategyDriver("single-flight")
    _ = single.at(t(0), .started(cause: .processStart))
    _ = single.at(t(0), .storeRead(result: stored(pair1)))
    #expect(
      single.at(t(26), .tokenNeeded(ask: 1, forceRefresh: false)) == [
        .grant(ask: 1, token: AccessToken(serial: 1)),
        .sendRefresh(request: 1, refreshToken: RefreshToken(serial: 1), timeout: nil),
      ])
    #expect(single.at(t(26), .refreshCompleted(request: 1, reply: failed(500))) == [])
    #expect(single.at(t(27), .tokenNeeded(ask: 2, forceRefresh: false)) == [.grant(ask: 2, token: AccessToken(serial: 1))])
    let mandatory = single.at(t(29, 30), .tokenNeeded(ask: 3, forceRefresh: false))
    #expect(
      mandatory == [.sendRefresh(request: 2, refreshToken: RefreshToken(serial: 1), timeout: nil)],
      "the jitter spaces advisory tries only")
  }

  @Test func advisoryMandatoryRaisesMandatoryFailuresAndThrottlesAttempts() throws {
    var botocore = try StrategyDriver("advisory-mandatory")
    _ = botocore.at(t(0), .started(cause: .processStart))
    _ = botocore.at(t(0), .storeRead(result: stored(pair1)))
    _ = botocore.at(t(21), .tokenNeeded(ask: 1, forceRefresh: false))
    #expect(botocore.at(t(21), .refreshCompleted(request: 1, reply: failed(503))) == [.deny(ask: 1, reason: "refresh failed")])
    #expect(botocore.at(t(21, 30), .tokenNeeded(ask: 2, forceRefresh: false)) == [.deny(ask: 2, reason: "refresh throttled")])
    #expect(
      botocore.at(t(22), .tokenNeeded(ask: 3, forceRefresh: false)) == [
        .sendRefresh(request: 2, refreshToken: RefreshToken(serial: 1), timeout: .seconds(60))
      ])
  }

  @Test func lockOnWriteRefreshesOutsideTheLockAndSkipsAWriteItCannotLock() throws {
    var msal = try StrategyDriver("lock-on-write")
    _ = msal.at(t(0), .started(cause: .processStart))
    _ = msal.at(t(0), .storeRead(result: stored(pair1)))
    #expect(msal.at(t(25), .tokenNeeded(ask: 1, forceRefresh: false)) == [.readStore])
    #expect(
      msal.at(t(25), .storeRead(result: stored(pair1))) == [
        .sendRefresh(request: 1, refreshToken: RefreshToken(serial: 1), timeout: nil)
      ]
    )
    #expect(
      msal.at(t(25), .refreshCompleted(request: 1, reply: issued(2))) == [
        .grant(ask: 1, token: AccessToken(serial: 2)), .acquireLock(wait: .seconds(5)),
      ])
    #expect(msal.at(t(25), .lockUnavailable) == [])
    #expect(msal.at(t(26), .tokenNeeded(ask: 2, forceRefresh: false)) == [.grant(ask: 2, token: AccessToken(serial: 2))])
  }

  @Test func lockWholeRefreshHoldsTheLockAcrossTheRequest() throws {
    var kubelogin = try StrategyDriver("lock-whole-refresh")
    _ = kubelogin.at(t(0), .started(cause: .processStart))
    _ = kubelogin.at(t(0), .storeRead(result: stored(pair1)))
    #expect(kubelogin.at(t(30), .tokenNeeded(ask: 1, forceRefresh: false)) == [.acquireLock(wait: .days(36_500))])
    #expect(kubelogin.at(t(30), .lockGranted) == [.readStore])
    #expect(
      kubelogin.at(t(30), .storeRead(result: stored(pair1))) == [
        .sendRefresh(request: 1, refreshToken: RefreshToken(serial: 1), timeout: nil)
      ])
    let written = StoreContents(credentials: credentials(2, expiry: t(60)))
    #expect(
      kubelogin.at(t(30), .refreshCompleted(request: 1, reply: issued(2))) == [
        .grant(ask: 1, token: AccessToken(serial: 2)), .writeStore(contents: written),
      ])
    #expect(kubelogin.at(t(30), .storeWritten) == [.releaseLock])
  }

  /// No coordination: the store is never reread and the write of a new pair is not awaited, so
  /// the next refresh may start before it is done.
  @Test func noCoordinationNeitherRereadsNorWaitsForItsWrite() throws {
    var naive = try StrategyDriver("naive")
    _ = naive.at(t(0), .started(cause: .processStart))
    _ = naive.at(t(0), .storeRead(result: stored(pair1)))
    _ = naive.at(t(30), .tokenNeeded(ask: 1, forceRefresh: false))
    _ = naive.at(t(30), .refreshCompleted(request: 1, reply: issued(2)))
    #expect(
      naive.at(t(30), .tokenNeeded(ask: 2, forceRefresh: true)) == [
        .sendRefresh(request: 2, refreshToken: RefreshToken(serial: 2), timeout: nil)
      ])
    #expect(naive.at(t(30), .storeWritten) == [])
  }

  @Test func lockWholeRefreshFailsCallsItCannotLockForAndReleasesTheLockAfterAFailure() throws {
    var kubelogin = try StrategyDriver("lock-whole-refresh", ["lockWait=2s"])
    _ = kubelogin.at(t(0), .started(cause: .processStart))
    _ = kubelogin.at(t(0), .storeRead(result: stored(pair1)))
    #expect(kubelogin.at(t(30), .tokenNeeded(ask: 1, forceRefresh: false)) == [.acquireLock(wait: .seconds(2))])
    #expect(kubelogin.at(t(30, 2), .lockUnavailable) == [.deny(ask: 1, reason: "store lock unavailable")])
    _ = kubelogin.at(t(31), .tokenNeeded(ask: 2, forceRefresh: false))
    _ = kubelogin.at(t(31), .lockGranted)
    _ = kubelogin.at(t(31), .storeRead(result: stored(pair1)))
    #expect(
      kubelogin.at(t(31), .refreshCompleted(request: 1, reply: failed(503))) == [
        .deny(ask: 2, reason: "refresh failed"), .releaseLock,
      ])
  }

  @Test func leaseSharedPollsInsteadOfFailingWhenTheLockIsBusyOrTheReadTorn() throws {
    var lease = try StrategyDriver("lease-shared", processID: 7)
    _ = lease.at(t(0), .started(cause: .processStart))
    _ = lease.at(t(0), .storeRead(result: stored(pair1)))
    #expect(lease.at(t(30), .tokenNeeded(ask: 1, forceRefresh: false)) == [.acquireLock(wait: .seconds(5))])
    #expect(lease.at(t(30, 5), .lockUnavailable) == [.setTimer(name: .lease, at: t(30, 6))])
    #expect(lease.at(t(30, 6), .timerFired(name: .lease)) == [.acquireLock(wait: .seconds(5))])
    #expect(lease.at(t(30, 6), .lockGranted) == [.readStore])
    #expect(lease.at(t(30, 6), .storeRead(result: .torn)) == [.releaseLock, .setTimer(name: .lease, at: t(30, 7))])
  }

  @Test func brokerClientAsksRetriesThenFallsBackToTheStore() throws {
    var client = try StrategyDriver("broker", ["brokerFallback=read-store"], role: .cli)
    #expect(client.at(t(0), .started(cause: .processStart)) == [])
    let ask = IPCMessage(kind: .ask, correlation: 1)
    #expect(client.at(t(0), .tokenNeeded(ask: 1, forceRefresh: false)) == [.send(message: ask, to: nil, timeout: .seconds(5))])
    #expect(client.at(t(0, 5), .messageFailed(correlation: 1)) == [.setTimer(name: .broker, at: t(0, 6))])
    _ = client.at(t(0, 6), .timerFired(name: .broker))
    _ = client.at(t(0, 11), .messageFailed(correlation: 2))
    _ = client.at(t(0, 12), .timerFired(name: .broker))
    #expect(client.at(t(0, 17), .messageFailed(correlation: 3)) == [.readStore])
    #expect(client.at(t(0, 17), .storeRead(result: stored(pair1))) == [.grant(ask: 1, token: AccessToken(serial: 1))])
  }

  @Test func brokerServesItsClientsFromOneRefresh() throws {
    var broker = try StrategyDriver("broker", role: .broker)
    #expect(broker.at(t(0), .started(cause: .processStart)) == [.readStore])
    #expect(broker.at(t(0), .storeRead(result: stored(pair1))) == [.setTimer(name: .refresh, at: t(25))])
    let reply = IPCMessage(
      kind: .token, correlation: 9,
      credentials: Credentials(accessToken: AccessToken(serial: 1), accessExpiresAt: t(30), refreshToken: nil))
    #expect(
      broker.at(t(1), .messageReceived(from: 4, message: IPCMessage(kind: .ask, correlation: 9))) == [
        .send(message: reply, to: 4, timeout: .seconds(5))
      ])
    #expect(
      broker.at(t(25), .timerFired(name: .refresh)) == [
        .sendRefresh(request: 1, refreshToken: RefreshToken(serial: 1), timeout: .seconds(30))
      ])
    #expect(broker.at(t(25), .messageReceived(from: 5, message: IPCMessage(kind: .ask, correlation: 1))).count == 1)
  }

  @Test func leaseSharedClearsTheLeaseAndThrottleAndRaisesNeedsLoginOnRefusal() throws {
    var lease = try StrategyDriver("lease-shared", processID: 7)
    _ = lease.at(t(0), .started(cause: .processStart))
    _ = lease.at(t(0), .storeRead(result: stored(pair1)))
    _ = lease.at(t(30), .tokenNeeded(ask: 1, forceRefresh: false))
    _ = lease.at(t(30), .lockGranted)
    _ = lease.at(t(30), .storeRead(result: stored(pair1, nextRefreshAt: t(29))))
    _ = lease.at(t(30), .storeWritten)
    let refused = lease.at(t(30), .refreshCompleted(request: 1, reply: failed(401, error: "invalid_grant")))
    #expect(
      refused == [
        .raiseAlert(message: "the refresh token was refused; sign in again"), .deny(ask: 1, reason: "needs login"),
        .acquireLock(wait: .seconds(5)),
      ])
    #expect(lease.at(t(30), .lockGranted) == [.writeStore(contents: StoreContents(credentials: pair1))])
    #expect(lease.at(t(30), .storeWritten) == [.releaseLock])
    #expect(lease.at(t(31), .tokenNeeded(ask: 2, forceRefresh: false)) == [.deny(ask: 2, reason: "needs login")])
  }

  /// Seed 000's client: only its scheduler refreshes, and a 401 does not make it refresh. With an
  /// active recovery interval (started at the first 401 here: `recoveryAfterRejections=1`) the
  /// first 401 arms a recovery timer that refreshes with no call.
  @Test func aSchedulerOnlyClientRecoversActivelyAfterA401() throws {
    let parameters = [
      "refreshOnDemand=false", "onApiRejected=ignore", "proactiveWindow=5m", "recoveryAfterRejections=1",
      "recoveryInterval=30m",
    ]
    var client = try StrategyDriver("naive", parameters)
    _ = client.at(t(0), .started(cause: .processStart))
    #expect(client.at(t(0), .storeRead(result: stored(pair1))) == [.setTimer(name: .refresh, at: t(25))])
    // The refresh timer failed to arm (the world never fires it): the token expires and is still used.
    #expect(client.at(t(31), .tokenNeeded(ask: 1, forceRefresh: false)) == [.grant(ask: 1, token: AccessToken(serial: 1))])
    #expect(
      client.at(t(31), .apiRejected(ask: 1, token: AccessToken(serial: 1), status: 401)) == [
        .setTimer(name: .recover, at: t(61))
      ])
    #expect(client.at(t(32), .apiRejected(ask: 2, token: AccessToken(serial: 1), status: 401)) == [], "armed once")
    #expect(
      client.at(t(61), .timerFired(name: .recover)) == [
        .sendRefresh(request: 1, refreshToken: RefreshToken(serial: 1), timeout: nil)
      ])
    var passive = try StrategyDriver("naive", Array(parameters.dropLast()))
    _ = passive.at(t(0), .started(cause: .processStart))
    _ = passive.at(t(0), .storeRead(result: stored(pair1)))
    #expect(passive.at(t(31), .apiRejected(ask: 1, token: AccessToken(serial: 1), status: 401)) == [], "passive: waits")
  }

  @Test func theStartupCheckRefreshesAStaleStoreAtOnce() throws {
    var client = try StrategyDriver("naive", ["startupCheck=true"])
    _ = client.at(t(29, 55), .started(cause: .processStart))
    #expect(
      client.at(t(29, 55), .storeRead(result: stored(pair1))) == [
        .sendRefresh(request: 1, refreshToken: RefreshToken(serial: 1), timeout: nil)
      ])
  }

  @Test func aRetryBudgetStopsRetriesAfterRepeatedFailures() throws {
    var client = try StrategyDriver("naive", ["maxRetries=100", "retryBudget=true", "backoff=exponential"])
    _ = client.at(t(0), .started(cause: .processStart))
    _ = client.at(t(0), .storeRead(result: stored(pair1)))
    _ = client.at(t(30), .tokenNeeded(ask: 1, forceRefresh: false))
    var retries = 0
    var now = t(30)
    for request in 1...10 {
      let actions = client.at(now, .refreshCompleted(request: request, reply: failed(503)))
      guard case .setTimer(.retry, let at)? = actions.first else {
        #expect(actions == [.deny(ask: 1, reason: "refresh failed")])
        break
      }
      retries += 1
      now = at
      _ = client.at(now, .timerFired(name: .retry))
    }
    #expect(retries == 4, "the bucket of 10 stops retries once 5 or fewer tokens are left")
  }

  @Test func backoffShapesStayWithinTheirBounds() {
    var random = RandomStream(rootSeed: 5, name: "backoff")
    let exponential = Backoff(kind: .exponential, base: .seconds(1), cap: .seconds(60))
    #expect(
      (1...8).map { exponential.delay(afterFailures: $0, previous: .zero, random: &random) }
        == [1, 2, 4, 8, 16, 32, 60, 60].map { SimDuration.seconds($0) })
    let uniform = Backoff(kind: .uniform, base: .seconds(24), cap: .seconds(36))
    let equal = Backoff(kind: .equalJitter, base: .seconds(1), cap: .seconds(60))
    let full = Backoff(kind: .fullJitter, base: .seconds(1), cap: .seconds(60))
    let decorrelated = Backoff(kind: .decorrelated, base: .seconds(1), cap: .seconds(60))
    var previous = SimDuration.seconds(1)
    for failures in 1...200 {
      let n = min(failures, 7)
      let expo = SimDuration.seconds(min(60, Int64(1) << (n - 1)))
      #expect(
        (SimDuration.seconds(24)...SimDuration.seconds(36)).contains(
          uniform.delay(afterFailures: failures, previous: .zero, random: &random)))
      #expect(
        (SimDuration(microseconds: expo.microseconds / 2)...expo).contains(
          equal.delay(afterFailures: failures, previous: .zero, random: &random)))
      #expect((SimDuration.zero...expo).contains(full.delay(afterFailures: failures, previous: .zero, random: &random)))
      let next = decorrelated.delay(afterFailures: failures, previous: previous, random: &random)
      #expect(next >= .seconds(1) && next <= min(.seconds(60), previous * 3))
      previous = next
    }
  }

  @Test func retryAfterReadsBothFormatsAsADeadlineOnTheHostClock() {
    #expect(RetryAfter.deadline(header: "120", now: t(10), cap: .hours(1)) == t(12))
    #expect(RetryAfter.deadline(header: HTTPDate.format(t(15)), now: t(10), cap: .hours(1)) == t(15))
    #expect(RetryAfter.deadline(header: HTTPDate.format(t(5)), now: t(10), cap: .hours(1)) == t(10), "a past date means now")
    #expect(RetryAfter.deadline(header: "7200", now: t(10), cap: .minutes(5)) == t(15), "capped")
    #expect(RetryAfter.deadline(header: "soon", now: t(10), cap: .hours(1)) == nil)
  }

  @Test func retryBudgetStopsRetriesBelowHalfAndRefillsSlowly() {
    var budget = RetryBudget()
    for _ in 0..<4 { budget.recordFailure() }
    #expect(budget.allowsRetry)
    budget.recordFailure()
    #expect(!budget.allowsRetry, "5 of 10 left is not above half")
    for _ in 0..<10 { budget.recordSuccess() }
    #expect(budget.allowsRetry)
  }
}

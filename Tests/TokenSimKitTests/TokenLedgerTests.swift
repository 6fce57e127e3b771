import Testing

@testable import TokenSimKit

/// The exact semantics of REFERENCE.md section 2, one rule per test.
@Suite struct TokenLedgerTests {
  let t0 = SimInstant.start

  func ledger(_ configure: (inout ServerConfig) -> Void = { _ in }) -> TokenLedger {
    var config = ServerConfig()
    configure(&config)
    return TokenLedger(config: config)
  }

  func issued(_ decision: TokenLedger.Decision) -> TokenGrant? {
    if case .issued(let grant, _, _) = decision { return grant }
    return nil
  }

  @Test func rotationReturnsANewTokenAndReuseRevokesTheFamily() throws {
    var ledger = ledger()
    let login = ledger.login(host: "h", now: t0)
    let first = try #require(issued(ledger.refresh(login.refreshToken!, now: t0 + .minutes(1))))
    #expect(first.refreshToken != login.refreshToken)
    #expect(ledger.refresh(login.refreshToken!, now: t0 + .minutes(2)) == .refused(.reuse, family: 1))
    #expect(ledger.refresh(first.refreshToken!, now: t0 + .minutes(3)) == .refused(.revoked, family: 1))
    #expect(!ledger.accepts(first.accessToken, now: t0 + .minutes(3)))
  }

  @Test func rejectOnlyLeavesTheFamilyAlive() throws {
    var ledger = ledger { $0.onReuse = .reject }
    let login = ledger.login(host: "h", now: t0)
    let first = try #require(issued(ledger.refresh(login.refreshToken!, now: t0)))
    #expect(ledger.refresh(login.refreshToken!, now: t0 + .seconds(1)) == .refused(.reuse, family: 1))
    #expect(issued(ledger.refresh(first.refreshToken!, now: t0 + .seconds(2))) != nil)
  }

  @Test func leewayForgivesOnlyTheImmediatelyPreviousGeneration() throws {
    var ledger = ledger { $0.reuseLeeway = .seconds(30) }
    let login = ledger.login(host: "h", now: t0)
    let second = try #require(issued(ledger.refresh(login.refreshToken!, now: t0)))
    let third = try #require(issued(ledger.refresh(second.refreshToken!, now: t0 + .seconds(1))))
    // Generation 2 is the immediately previous one: forgiven inside 30 s with a new pair.
    let forgiven = ledger.refresh(second.refreshToken!, now: t0 + .seconds(20))
    guard case .issued(let grant, _, let withinLeeway) = forgiven else {
      Issue.record("not issued")
      return
    }
    #expect(withinLeeway && grant.refreshToken != third.refreshToken)
    // Generation 1 is older: reuse, even inside the window.
    #expect(ledger.refresh(login.refreshToken!, now: t0 + .seconds(21)) == .refused(.reuse, family: 1))
  }

  @Test func leewayEndsAfterItsWindow() throws {
    var ledger = ledger { $0.reuseLeeway = .seconds(30) }
    let login = ledger.login(host: "h", now: t0)
    _ = try #require(issued(ledger.refresh(login.refreshToken!, now: t0)))
    #expect(ledger.refresh(login.refreshToken!, now: t0 + .seconds(31)) == .refused(.reuse, family: 1))
  }

  @Test func sameSuccessorReplaysTheSuccessor() throws {
    var ledger = ledger {
      $0.reuseLeeway = .seconds(30)
      $0.leewayReply = .sameSuccessor
    }
    let login = ledger.login(host: "h", now: t0)
    let second = try #require(issued(ledger.refresh(login.refreshToken!, now: t0)))
    let replay = try #require(issued(ledger.refresh(login.refreshToken!, now: t0 + .seconds(5))))
    #expect(replay.refreshToken == second.refreshToken)
    #expect(replay.accessToken != second.accessToken)
  }

  @Test func staticTokensAreNeverRotated() throws {
    var ledger = ledger { $0.rotation = .static }
    let login = ledger.login(host: "h", now: t0)
    for minute in 1...5 {
      let grant = try #require(issued(ledger.refresh(login.refreshToken!, now: t0 + .minutes(Int64(minute)))))
      #expect(grant.refreshToken == nil)
    }
  }

  @Test func rotateWithoutRevokeKeepsOldTokensValid() throws {
    var ledger = ledger { $0.rotation = .rotateWithoutRevoke }
    let login = ledger.login(host: "h", now: t0)
    let second = try #require(issued(ledger.refresh(login.refreshToken!, now: t0)))
    #expect(second.refreshToken != login.refreshToken)
    #expect(issued(ledger.refresh(login.refreshToken!, now: t0 + .seconds(1))) != nil)
  }

  @Test func absoluteAndIdleLifetimes() throws {
    var absolute = ledger { $0.refreshAbsoluteTTL = .days(1) }
    let login = absolute.login(host: "h", now: t0)
    let rotated = try #require(issued(absolute.refresh(login.refreshToken!, now: t0 + .hours(20))))
    // A rotated token gets a fresh lifetime by default.
    #expect(issued(absolute.refresh(rotated.refreshToken!, now: t0 + .hours(30))) != nil)
    #expect(absolute.refresh(RefreshToken(serial: 3), now: t0 + .days(3)) == .refused(.expired, family: 1))

    var keeping = ledger {
      $0.refreshAbsoluteTTL = .days(1)
      $0.rotatedKeepsOriginalExpiry = true
    }
    let keptLogin = keeping.login(host: "h", now: t0)
    let kept = try #require(issued(keeping.refresh(keptLogin.refreshToken!, now: t0 + .hours(20))))
    #expect(keeping.refresh(kept.refreshToken!, now: t0 + .hours(24)) == .refused(.expired, family: 1))

    var idle = ledger { $0.refreshIdleTTL = .days(7) }
    let idleLogin = idle.login(host: "h", now: t0)
    #expect(idle.refresh(idleLogin.refreshToken!, now: t0 + .days(7)) == .refused(.idleExpired, family: 1))
  }

  @Test func githubStyleRotationInvalidatesOldAccessTokens() throws {
    var ledger = ledger { $0.rotationRevokesAccessTokens = true }
    let login = ledger.login(host: "h", now: t0)
    #expect(ledger.accepts(login.accessToken, now: t0 + .minutes(1)))
    let second = try #require(issued(ledger.refresh(login.refreshToken!, now: t0 + .minutes(1))))
    #expect(!ledger.accepts(login.accessToken, now: t0 + .minutes(1)))
    #expect(ledger.accepts(second.accessToken, now: t0 + .minutes(1)))
    #expect(!ledger.accepts(second.accessToken, now: t0 + .minutes(61)))
  }

  @Test func liveTokenCapSilentlyInvalidatesTheOldest() throws {
    var ledger = ledger {
      $0.rotation = .rotateWithoutRevoke
      $0.maxLiveRefreshTokens = 2
    }
    let login = ledger.login(host: "h", now: t0)
    let second = try #require(issued(ledger.refresh(login.refreshToken!, now: t0)))
    _ = try #require(issued(ledger.refresh(second.refreshToken!, now: t0 + .seconds(1))))
    // Three live tokens under a cap of two: the first one issued is gone.
    #expect(ledger.refresh(login.refreshToken!, now: t0 + .seconds(2)) == .refused(.revoked, family: 1))
    #expect(issued(ledger.refresh(second.refreshToken!, now: t0 + .seconds(3))) != nil)
  }

  @Test func unknownTokensAreRefused() {
    var ledger = ledger()
    #expect(ledger.refresh(RefreshToken(serial: 99), now: t0) == .refused(.unknownToken, family: nil))
  }
}

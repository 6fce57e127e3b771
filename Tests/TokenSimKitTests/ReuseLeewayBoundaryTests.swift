import Testing

@testable import TokenSimKit

/// The reuse leeway is inclusive: a rotated-away refresh token presented exactly `reuseLeeway`
/// after its rotation is forgiven, and one microsecond later it is reuse.
@Suite struct ReuseLeewayBoundaryTests {
  static let leeway = SimDuration.seconds(30)
  static let microsecond = SimDuration(microseconds: 1)
  let rotatedAt = SimInstant.start + .minutes(1)

  func ledger(_ reply: LeewayReply) -> TokenLedger {
    var config = ServerConfig()
    config.reuseLeeway = Self.leeway
    config.leewayReply = reply
    return TokenLedger(config: config)
  }

  func forgiven(_ decision: TokenLedger.Decision) -> Bool {
    if case .issued(_, _, withinLeeway: true) = decision { return true }
    return false
  }

  /// rt-1 rotated into rt-2 at `rotatedAt` (its last use), then rt-1 presented `late` after that.
  func presentRotatedAway(_ reply: LeewayReply, late: SimDuration) throws -> TokenLedger.Decision {
    var ledger = ledger(reply)
    let login = ledger.login(host: "h", now: .start)
    let refreshToken = try #require(login.refreshToken)
    _ = ledger.refresh(refreshToken, now: rotatedAt)
    return ledger.refresh(refreshToken, now: rotatedAt + late)
  }

  @Test(arguments: LeewayReply.allCases) func aReuseExactlyAtTheLeewayIsForgiven(reply: LeewayReply) throws {
    #expect(forgiven(try presentRotatedAway(reply, late: Self.leeway)))
  }

  @Test(arguments: LeewayReply.allCases) func aReuseOneMicrosecondPastTheLeewayIsRefused(reply: LeewayReply) throws {
    #expect(try presentRotatedAway(reply, late: Self.leeway + Self.microsecond) == .refused(.reuse, family: 1))
  }

  /// A token rotated apart from its last use (rt-2, superseded by the new pair a forgiven reuse
  /// of rt-1 got) counts its leeway from that rotation, not from its own use, inclusively too.
  @Test func aTokenSupersededByALeewayReplyCountsFromItsRotation() throws {
    for (late, expectForgiven) in [(Self.leeway, true), (Self.leeway + Self.microsecond, false)] {
      var ledger = ledger(.newPair)
      let login = ledger.login(host: "h", now: .start)
      let first = try #require(login.refreshToken)
      guard case .issued(let second, _, _) = ledger.refresh(first, now: rotatedAt) else {
        Issue.record("the first refresh was not issued")
        return
      }
      let supersededAt = rotatedAt + .seconds(10)
      #expect(forgiven(ledger.refresh(first, now: supersededAt)))
      let decision = ledger.refresh(try #require(second.refreshToken), now: supersededAt + late)
      #expect(forgiven(decision) == expectForgiven, "presented \(late) after it was superseded")
      if !expectForgiven { #expect(decision == .refused(.reuse, family: 1)) }
    }
  }
}

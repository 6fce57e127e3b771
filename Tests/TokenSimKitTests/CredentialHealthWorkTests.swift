import Testing

@testable import TokenSimKit

/// A change of one session reaches the hosts logged in to its family, not every host: a security
/// event that revokes every family of a fleet costs one visit a host, not hosts × families.
struct CredentialHealthWorkTests {
  static func at(_ seconds: Int64) -> SimInstant { SimInstant(microseconds: seconds * 1_000_000) }

  @Test func aFleetWideRevocationVisitsEachHostOnce() {
    var health = CredentialHealth()
    let hosts = 2_000
    for host in 0..<hosts { health.login(host: host, family: host + 1, expiry: nil, at: .start) }
    for family in 1...hosts { health.revoked(family: family, cause: .securityEvent, at: Self.at(10)) }
    #expect(health.hostUpdates == hosts)
    health.tokenRequestSent(host: 7, at: Self.at(20))
    #expect(health.requestsOnDeadCredentials == 1)
  }

  /// A host that logs in to another family leaves the first: the first's death is not its own.
  @Test func aHostThatMovedToAnotherFamilyIsNotTouchedByTheFirst() {
    var health = CredentialHealth()
    health.login(host: 0, family: 1, expiry: nil, at: .start)
    health.login(host: 1, family: 1, expiry: nil, at: .start)
    health.login(host: 0, family: 2, expiry: nil, at: Self.at(5))
    health.revoked(family: 1, cause: .reuse, at: Self.at(10))
    #expect(health.hostUpdates == 1, "host 1 only")
    health.tokenRequestSent(host: 0, at: Self.at(20))
    #expect(health.requestsOnDeadCredentials == 0, "host 0 is on family 2, alive")
    health.tokenRequestSent(host: 1, at: Self.at(21))
    #expect(health.requestsOnDeadCredentials == 1)
  }

  /// A family that lapses at its refresh token's expiry on two hosts, then is issued tokens
  /// again: both hosts meet dead credentials in between, and neither after.
  @Test func anExpiredFamilyOnTwoHostsLapsesAndLivesAgainOnBoth() {
    var health = CredentialHealth()
    let expiry = RefreshExpiry(at: Self.at(60), idle: false)
    health.login(host: 0, family: 1, expiry: expiry, at: .start)
    health.login(host: 1, family: 1, expiry: expiry, at: .start)
    health.tokenRequestSent(host: 0, at: Self.at(70))
    health.tokenRequestSent(host: 1, at: Self.at(71))
    #expect(health.requestsOnDeadCredentials == 2)
    health.served(decision: .issued, family: 1, expiry: nil, at: Self.at(80))
    health.tokenRequestSent(host: 0, at: Self.at(90))
    health.tokenRequestSent(host: 1, at: Self.at(91))
    #expect(health.requestsOnDeadCredentials == 2, "alive again on both hosts")
  }
}

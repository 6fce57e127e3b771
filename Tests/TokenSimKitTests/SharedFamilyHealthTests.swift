import Testing

@testable import TokenSimKit

/// A family logged in on two hosts is one session: when it dies, requests and calls of either
/// host meet dead credentials, and a new login of it makes both hosts' credentials good again.
struct SharedFamilyHealthTests {
  /// Family 1 on hosts a and b (b logged in last), family 2 on host c; family 1 is revoked at 10 s.
  func trace(loginAgainAt again: Int64?) -> [TraceEvent] {
    var trace = [
      at(0, .login(host: "a", family: 1, accessTokenTTL: .hours(1), refreshExpiry: nil)),
      at(0, .login(host: "c", family: 2, accessTokenTTL: .hours(1), refreshExpiry: nil)),
      at(0, .login(host: "b", family: 1, accessTokenTTL: .hours(1), refreshExpiry: nil)),
      at(0, .processStarted(process: 1, name: "a/d", role: .daemon, host: "a")),
      at(0, .processStarted(process: 2, name: "b/d", role: .daemon, host: "b")),
      at(0, .processStarted(process: 3, name: "c/d", role: .daemon, host: "c")),
      at(10, .familyRevoked(family: 1, cause: .securityEvent)),
      at(20, .tokenRequestSent(process: 1, request: 1, token: 1)),
      at(21, .tokenRequestSent(process: 3, request: 2, token: 2)),
      at(25, .tokenRequestSent(process: 2, request: 3, token: 1)),
      at(30, .callDenied(process: 1)),
      at(35, .callDenied(process: 2)),
      at(50, .alertRaised(process: 2, message: "log in again")),
    ]
    if let again {
      trace.append(at(again, .login(host: "b", family: 1, accessTokenTTL: .hours(1), refreshExpiry: nil)))
      trace.append(at(again + 10, .tokenRequestSent(process: 1, request: 4, token: 1)))
    }
    trace.append(at(120, .runEnded(reason: .endOfTime)))
    return trace
  }

  func metrics(loginAgainAt again: Int64?) -> RunMetrics {
    RunAnalysis(trace: trace(loginAgainAt: again), duration: .minutes(2), settings: CheckSettings()).metrics
  }

  @Test func bothHostsOfARevokedFamilyMeetDeadCredentials() {
    let metrics = metrics(loginAgainAt: nil)
    #expect(metrics.tokenRequestsOnDeadCredentials == 2, "a's and b's requests, not c's")
    #expect(metrics.alertDelaySeconds == 20, "first needed by a at 30 s, alerted by b at 50 s")
    #expect(metrics.timeToAlertSeconds == 40, "revoked at 10 s")
    #expect(metrics.needsLoginAlertsWhileValid == 0)
  }

  @Test func aNewLoginOfTheFamilyOnOneHostRevivesBoth() {
    let metrics = metrics(loginAgainAt: 60)
    #expect(metrics.tokenRequestsOnDeadCredentials == 2, "a's request at 70 s uses the new session")
  }
}

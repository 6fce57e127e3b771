import Testing

@testable import TokenSimKit

/// Issue 15, item 5: token replies carry the server's `Date`, and a client measures an HTTP-date
/// `Retry-After` against it (RFC 9110's intent) or against its own clock (`retryAfterClock`).
@Suite struct RetryAfterDateTests {
  /// A daemon refreshes at start; the first token request gets 503 with `Retry-After` two minutes
  /// ahead as an HTTP-date; the client waits for it, then retries.
  func scenario(clockOffset: String) -> String {
    oneHost(
      duration: "10m",
      server: """
        {"faults": [{"target": "token", "status": 503, "retryAfter": "2m", "retryAfterFormat": "http-date",
          "from": "0s", "nextRequests": 1}]}
        """,
      processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "1h"}, "refreshAtStart": true}]"#,
      host: #""clockOffset": "\#(clockOffset)""#)
  }

  func retrySent(clockOffset: String, clock: String) throws -> SimInstant? {
    let parameters = [
      "honorRetryAfter=true", "whenThrottled=wait", "maxRetries=3", "retryAfterCap=1h", "retryAfterClock=\(clock)",
    ]
    let json = scenario(clockOffset: clockOffset)
    let result = Simulation(scenario: try TokenSimKitTests.scenario(json), strategy: try choice("naive", parameters)).run()
    return sent(result).dropFirst().first?.time
  }

  @Test func anHTTPDateRetryAfterMeasuredAgainstTheRepliesDateIgnoresTheHostsOffset() throws {
    // The request leaves at 0:00.001 (after the 1 ms store read); the 503 has Date 0:00:00 and
    // Retry-After 0:02:00 and arrives at 0:00.101: the client waits the two minutes whatever its
    // clock says.
    let twoMinutes = SimInstant.start + .minutes(2) + .milliseconds(101)
    #expect(try retrySent(clockOffset: "5m", clock: "reply-date") == twoMinutes)
    #expect(try retrySent(clockOffset: "-5m", clock: "reply-date") == twoMinutes)
  }

  @Test func anHTTPDateRetryAfterMeasuredAgainstAFastClockRetriesAtOnceAndASlowOneStallsFiveMinutesMore() throws {
    // 5 min fast: 0:02:00 is already past on the host clock, so it retries as the reply arrives.
    #expect(try retrySent(clockOffset: "5m", clock: "local-clock") == .start + .milliseconds(101))
    // 5 min slow: 0:02:00 on the host clock is 0:07:00 true time (retryAfterCap 1 h; the default
    // 5 min cap would end the wait at 0:05:00.101).
    #expect(try retrySent(clockOffset: "-5m", clock: "local-clock") == .start + .minutes(7))
  }

  @Test func tokenRepliesCarryTheServersDateAndAbsoluteExpiry() throws {
    var server = AuthorizationServer(config: ServerConfig(), seed: 1)
    guard let token = server.logIn(host: "h", now: .start).refreshToken else { return #expect(Bool(false)) }
    let step = server.receive(1, presenting: token, now: .start + .seconds(90) + .milliseconds(700))
    guard case .reply(let http, _)? = step.fate, case .tokens(let grant) = http.body else { return #expect(Bool(false)) }
    #expect(http.date == .start + .seconds(90))
    #expect(grant.expiresAt == .start + .seconds(90) + .hours(1))
  }
}

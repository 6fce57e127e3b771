import Testing

@testable import TokenSimKit

/// Issue 15, item 6: a client that keeps the server's absolute expiry (`expiryFrom=expires-at`)
/// is hurt by its host's clock offset; one that counts `expires_in` from receipt is not.
@Suite struct AbsoluteExpiryTests {
  /// A daemon calling every 30 s with 10-minute tokens.
  func scenario(clockOffset: String) -> String {
    oneHost(
      duration: "30m", server: #"{"accessTokenTTL": "10m"}"#,
      processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "30s"}}]"#,
      host: #""clockOffset": "\#(clockOffset)""#)
  }

  func run(clockOffset: String, expiry: String) throws -> RunResult {
    let json = scenario(clockOffset: clockOffset)
    return Simulation(scenario: try TokenSimKitTests.scenario(json), strategy: try choice("naive", ["expiryFrom=\(expiry)"]))
      .run()
  }

  @Test func aHostBehindThatKeepsTheServersExpiryPresentsAnExpiredTokenAndGets401() throws {
    // The token got at 10:00 expires at 20:00 by the server's clock, 17:00 by the host's: the
    // call at 20:00 is refused (naive then refreshes at its next call, 20:30).
    let absolute = try run(clockOffset: "-3m", expiry: "expires-at")
    #expect(absolute.metrics.apiCallsFailed == 1)
    #expect(sent(absolute).map(\.time).dropFirst().first == .start + .minutes(20) + .seconds(30))
    let relative = try run(clockOffset: "-3m", expiry: "expires-in")
    #expect(relative.metrics.apiCallsFailed == 0)
  }

  @Test func aHostAheadThatKeepsTheServersExpiryRefreshesEarly() throws {
    // 3 min fast: the token got at 10:00 is due at 20:00 server time, which the host reads at
    // 16:57 true time; naive refreshes at its call at 17:00 instead of 20:00.
    let absolute = try run(clockOffset: "3m", expiry: "expires-at")
    let relative = try run(clockOffset: "3m", expiry: "expires-in")
    #expect(absolute.metrics.apiCallsFailed == 0)
    #expect(sent(absolute).map(\.time).dropFirst().first == .start + .minutes(17))
    #expect(sent(relative).map(\.time).dropFirst().first == .start + .minutes(20))
  }

  /// Each built-in strategy keeps its exemplar's expiry (Scenarios/README.md cites the code): only
  /// kubelogin (lock-whole-refresh) reads the ID token's `exp`; the others count from receipt.
  @Test func onlyLockWholeRefreshKeepsTheServersExpiryByDefault() throws {
    // One-hour tokens (botocore's windows are wider than the 10-minute ones above), the host 3 min
    // behind: the token refreshed near 1:00 expires an hour later by the server's clock, which a
    // client keeping `exp` reads 3 minutes late, so its 2:00 call is refused.
    let json = oneHost(
      duration: "2h30m", server: #"{"accessTokenTTL": "1h"}"#,
      processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "30s"}}]"#, host: #""clockOffset": "-3m""#)
    let scenario = try TokenSimKitTests.scenario(json)
    for name in StrategyCatalog.all.map(\.name) {
      let result = Simulation(scenario: scenario, strategy: try choice(name)).run()
      let expected = name == "lock-whole-refresh" ? 1 : 0
      #expect(result.metrics.apiCallsFailed == expected, "\(name): the 2:00 call on a host 3 min behind")
    }
  }
}

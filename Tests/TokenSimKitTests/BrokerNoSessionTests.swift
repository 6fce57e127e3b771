import Testing

@testable import TokenSimKit

/// A broker client whose broker does not answer and whose fallback read finds no session tells a
/// person once per start (`NoSessionAlert`), as the refresh engine does, before its calls fail;
/// one that finds a usable token in the store says nothing.
@Suite struct BrokerNoSessionTests {
  /// The broker crashes at 0.5 s for good; a daemon starting at 1 s makes one call a minute,
  /// crashes at 5 m and is back at 5 m 10 s: 5 cycles in each of its two starts. Each call asks
  /// the broker three times (5 s each, 1 s apart), then reads the store (`read-store`).
  static func brokerDown(login: Bool) -> String {
    oneHost(
      duration: "9m30s", server: #"{"accessTokenTTL": "1h"}"#,
      processes: #"""
        [{"name": "broker", "role": "broker", "crash": {"at": "500ms"}},
         {"name": "d", "role": "daemon", "startAt": "1s", "cycle": {"every": "1m", "apiCalls": 1},
          "crash": {"at": "5m"}, "restartAfter": "10s"}]
        """#,
      host: #""login": \#(login)"#)
  }

  /// The alerts raised: by which process, and when.
  static func alerts(_ result: RunResult) -> [(process: Int, time: SimInstant)] {
    result.trace.compactMap {
      if case .alertRaised(let process, let message) = $0.kind, message == NoSessionAlert.message {
        (process, $0.time)
      } else {
        nil
      }
    }
  }

  /// Never logged in: one alert in each start of the daemon (before, none), all 10 calls denied.
  @Test func anEmptyStoreWithTheBrokerDownAlertsOncePerStart() throws {
    let result = try run(Self.brokerDown(login: false), strategy: "broker", "brokerFallback=read-store")
    let alerts = Self.alerts(result)
    #expect(alerts.map(\.process) == [2, 2])
    #expect(alerts.filter { $0.time < SimInstant.start + .minutes(5) }.count == 1)
    #expect(result.metrics.needsLoginAlerts == 2)
    #expect(result.metrics.apiCalls == 10)
    #expect(result.metrics.apiCallsFailed == 10)
    #expect(result.metrics.tokenRequests == 0)
  }

  /// Logged in, the token valid for the hour: every fallback read serves its call; no alert.
  @Test func aWholeStoreWithTheBrokerDownAlertsNothing() throws {
    let result = try run(Self.brokerDown(login: true), strategy: "broker", "brokerFallback=read-store")
    #expect(Self.alerts(result).isEmpty)
    #expect(result.metrics.needsLoginAlerts == 0)
    #expect(result.metrics.apiCalls == 10)
    #expect(result.metrics.apiCallsFailed == 0)
  }

  /// The broker refreshes at start (a 1-minute token is inside its 5-minute window) and crashes
  /// at 2 s, for good, while it rewrites the file in place (5 s): the file stays torn. A daemon
  /// starting at 10 s holds nothing from the broker; its first fallback read (27 s) is torn, and
  /// it says so once; each of its 5 calls is denied after a torn read.
  @Test func aStoreTornByTheCrashedBrokerAlertsOnce() throws {
    let json = oneHost(
      duration: "5m", server: #"{"accessTokenTTL": "1m"}"#,
      processes: #"""
        [{"name": "broker", "role": "broker", "crash": {"at": "2s"}},
         {"name": "d", "role": "daemon", "startAt": "10s", "cycle": {"every": "1m", "apiCalls": 1}}]
        """#,
      host: #""store": {"write": "in-place", "writeTime": "5s"}"#)
    let result = try run(json, strategy: "broker", "brokerFallback=read-store")
    #expect(Self.alerts(result).map(\.process) == [2])
    #expect(Self.alerts(result).map(\.time) == [SimInstant.start + .milliseconds(27_001)])
    #expect(result.metrics.tornReads == 5)
    #expect(result.metrics.apiCalls == 5)
    #expect(result.metrics.apiCallsFailed == 5)
  }

  /// With `fail` the client reads nothing, so it learns nothing about the store: no alert.
  @Test func theFailFallbackReadsNothingAndAlertsNothing() throws {
    let result = try run(Self.brokerDown(login: false), strategy: "broker", "brokerFallback=fail")
    #expect(result.metrics.needsLoginAlerts == 0)
    #expect(result.metrics.apiCallsFailed == 10)
  }
}

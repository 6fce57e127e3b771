import Foundation
import Testing

@testable import TokenSimKit

/// A client whose store held no session (empty, or torn) tells a person once, and fails its calls;
/// one that rereads before refreshing says nothing if its reread finds the pair.
@Suite struct NoSessionAlertTests {
  /// A daemon on a host that was never logged in: a cycle a minute with one call, 10 cycles.
  static let neverLoggedIn = oneHost(
    duration: "9m30s",
    processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}}]"#,
    host: #""login": false"#)

  /// Every built-in strategy: one needs-login alert (from the broker under `broker`), every one of
  /// the 10 calls denied, no token request. The alert is not one "while valid": the host never had
  /// a session to be valid.
  @Test(arguments: StrategyCatalog.all.map(\.name))
  func aDaemonOnAnEmptyStoreAlertsOnceAndItsCallsAreDenied(strategy: String) throws {
    let result = try run(Self.neverLoggedIn, strategy: strategy)
    #expect(result.metrics.needsLoginAlerts == 1)
    #expect(result.metrics.needsLoginAlertsWhileValid == 0)
    #expect(result.metrics.apiCalls == 10)
    #expect(result.metrics.apiCallsFailed == 10)
    #expect(result.metrics.workCyclesFailed == 10)
    #expect(result.metrics.tokenRequests == 0)
  }

  /// A client that leaves refreshing to its timer (`refreshOnDemand=false`) arms none without a
  /// token: it alerts once too, and its calls are denied.
  @Test func aClientThatOnlyRefreshesOnItsTimerAlertsOnceOnAnEmptyStore() throws {
    let result = try run(Self.neverLoggedIn, strategy: "naive", "refreshOnDemand=false")
    #expect(result.metrics.needsLoginAlerts == 1)
    #expect(result.metrics.apiCallsFailed == 10)
    #expect(result.metrics.tokenRequests == 0)
  }

  /// Two lease-shared daemons on an empty store: neither claims a lease it cannot use, so neither
  /// waits for the other's; each alerts once at its first cycle and all 20 calls fail at once.
  @Test func leaseSharedDaemonsOnAnEmptyStoreClaimNoLeaseAndEachAlertsOnce() throws {
    let json = oneHost(
      duration: "9m30s",
      processes: #"[{"name": "d", "role": "daemon", "count": 2, "cycle": {"every": "1m", "apiCalls": 1}}]"#,
      host: #""login": false"#)
    let result = try run(json, strategy: "lease-shared")
    #expect(result.metrics.needsLoginAlerts == 2)
    #expect(result.metrics.apiCalls == 20)
    #expect(result.metrics.apiCallsFailed == 20)
    #expect(result.metrics.workCyclesSkipped == 0)
    #expect(events(result) { if case .storeWritten = $0 { true } else { false } }.isEmpty)
  }

  /// Each CLI invocation is a program of its own: each one that finds no session says so, once.
  @Test func eachCLIInvocationOnAnEmptyStoreAlertsOnce() throws {
    let json = oneHost(
      duration: "10m",
      processes: #"[{"name": "cli", "role": "cli", "arrivals": {"every": "1m"}, "apiCalls": 2}]"#,
      host: #""login": false"#)
    let result = try run(json, strategy: "reread-from-disk")
    #expect(result.metrics.cliInvocations == 10)
    #expect(result.metrics.needsLoginAlerts == 10)
    #expect(result.metrics.apiCallsFailed == result.metrics.apiCalls)
    let alerting = result.trace.compactMap { if case .alertRaised(let process, _) = $0.kind { process } else { nil } }
    #expect(Set(alerting).count == 10)
  }

  /// A writer loads, refreshes at once (`refreshAtStart`, 100 ms) and rewrites the file in place
  /// for 5 s; a reader starts at `startAt`, inside that write, so its load is torn.
  static func tornLoad(readTime: String = "2ms", startAt: String = "2s") -> String {
    oneHost(
      duration: "2m",
      processes: #"""
        [{"name": "writer", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}, "refreshAtStart": true},
         {"name": "reader", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}, "startAt": "\#(startAt)"}]
        """#,
      host: #""store": {"write": "in-place", "writeTime": "5s", "readTime": "\#(readTime)"}"#)
  }

  /// lease-shared rereads under the store lock, which the writer holds while it writes: the
  /// reader's first call waits for the write to end, then adopts the writer's pair; no alert, no
  /// call fails.
  @Test func aLeaseClientThatLoadsATornFileWaitsForTheWholeOneAndDoesNotAlert() throws {
    let result = try run(Self.tornLoad(), strategy: "lease-shared")
    #expect(result.metrics.tornReads == 1)
    #expect(result.metrics.needsLoginAlerts == 0)
    #expect(result.metrics.apiCallsFailed == 0)
    #expect(result.metrics.tokenRequests == 1)
  }

  /// reread-from-disk rereads before its first refresh: with 4 s reads the writer (load, reread)
  /// writes from 8.1 s to 13.1 s, the reader's load (from 10 s) is torn, and its reread (from
  /// 14 s) finds the pair and adopts it; no alert.
  @Test func aRereadingClientWhoseRereadIsWholeDoesNotAlert() throws {
    let result = try run(Self.tornLoad(readTime: "4s", startAt: "10s"), strategy: "reread-from-disk")
    #expect(result.metrics.tornReads == 1)
    #expect(result.metrics.needsLoginAlerts == 0)
    #expect(result.metrics.apiCallsFailed == 0)
  }

  /// With 2 ms reads the reader's reread (at 2 s) falls inside the write too: it has reread and
  /// holds nothing, so it says so once and its first call fails; its next cycle's reread finds the
  /// pair, and that call succeeds.
  @Test func aRereadingClientWhoseRereadIsTornAlsoAlertsOnceThenRecovers() throws {
    let result = try run(Self.tornLoad(), strategy: "reread-from-disk")
    #expect(result.metrics.tornReads == 2)
    #expect(result.metrics.needsLoginAlerts == 1)
    #expect(result.metrics.apiCalls == 4)
    #expect(result.metrics.apiCallsFailed == 1)
  }

  /// naive never rereads: the reader that loaded a torn file holds nothing until it restarts. It
  /// says so at its first call, once, and both of its calls are denied.
  @Test func aClientThatNeverRereadsAlertsAtItsFirstCallAfterATornLoad() throws {
    let result = try run(Self.tornLoad(), strategy: "naive")
    #expect(result.metrics.tornReads == 1)
    #expect(result.metrics.needsLoginAlerts == 1)
    #expect(result.metrics.apiCallsFailed == 2)
    let alert = try #require(events(result) { if case .alertRaised = $0 { true } else { false } }.first)
    #expect(alert.time == .start + .seconds(2) + .milliseconds(2))
  }

  /// Through the command line: `tokensim run` on a never-logged-in host prints the one alert, and
  /// the trace carries it, before the first denial.
  @Test func theCommandLineReportsTheAlertOfAnEmptyStore() throws {
    try withTemporaryDirectory { directory in
      let file = directory + "/empty.json"
      try Self.neverLoggedIn.write(toFile: file, atomically: true, encoding: .utf8)
      let result = try tokensim(["run", file, "--strategy", "naive", "--out", directory + "/out", "--trace"])
      #expect(result.status == 0)
      #expect(result.stdout.contains("needs-login alerts 1\n"))
      #expect(result.stdout.contains("API calls 10, failed 10 (availability 0.0%)"))
      let trace = try String(contentsOfFile: directory + "/out/trace.jsonl", encoding: .utf8).split(separator: "\n")
      let alert = try #require(trace.firstIndex { $0.contains(#""event":"alertRaised""#) })
      let denial = try #require(trace.firstIndex { $0.contains(#""event":"callDenied""#) })
      #expect(alert < denial)
      #expect(trace[alert].contains("the credential store holds no session"))
    }
  }
}

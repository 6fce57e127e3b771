import Testing

@testable import TokenSimKit

/// The smallest scenarios behind what `tokensim fuzz` found (docs/FUZZ.md).
struct FuzzRegressionTests {
  /// Fuzz seed 16, case 1237 (lease-shared, lock-whole-refresh): a CLI that crashed while
  /// waiting for the store lock left the lock's line but still believed it waited, a broken
  /// invariant (debug builds, which run the tests, check it after every event).
  @Test func aProcessThatDiesWaitingForTheLockNoLongerWaits() throws {
    let json = oneHost(
      duration: "1m", server: #"{"tokenLatency": "10s"}"#,
      processes: #"""
        [{"name": "d", "role": "daemon", "refreshAtStart": true, "cycle": {"every": "1h"}},
         {"name": "c", "role": "cli", "startAt": "1s", "refreshAtStart": true, "arrivals": {"every": "1h"},
          "crash": {"at": "2s"}}]
        """#)
    let result = try run(json, strategy: "lock-whole-refresh")
    #expect(result.metrics.processCrashes == 1)
    #expect(result.stopReason == .endOfTime || result.stopReason == .quiescent)
  }

  /// Fuzz seed 16, case 9145 of the 10,000-scenario campaign (naive, lease-shared, single-flight,
  /// advisory-mandatory): a daemon that crashed before its `stopAt` and was restarted after it
  /// scheduled its stop in the past and trapped. It now stays stopped.
  @Test func aDaemonCrashedBeforeItsStopTimeIsNotRestartedAfterIt() throws {
    let json = oneHost(
      duration: "1m",
      processes: #"""
        [{"name": "d", "role": "daemon", "stopAt": "1s", "cycle": {"every": "10s"},
          "crash": {"at": "0s"}, "restartAfter": "2s"}]
        """#)
    let result = try run(json, strategy: "naive")
    #expect(result.metrics.processCrashes == 1)
    #expect(result.metrics.processStarts == 1)
  }
}

import Foundation
import Testing

@testable import TokenSimKit

/// A crash drawn at random (`perHour`) waits for the moment `during` names, as a planned one
/// (`at`) does: before, `during` was read and ignored for drawn crashes.
struct DrawnCrashMomentTests {
  /// A daemon with a lock file, 10-minute tokens refreshed under the lock (lock-whole-refresh),
  /// crashing about 6 times an hour while it holds the lock, restarted after 10 s.
  static let json = oneHost(
    duration: "6h", server: #"{"accessTokenTTL": "10m"}"#,
    processes: """
      [{"name": "d", "role": "daemon", "cycle": {"every": "20s"}, "crash": {"perHour": 6, "during": "holding-lock"},
        "restartAfter": "10s"}]
      """, host: #""lock": {"kind": "lock-file", "staleAfter": "30s"}"#)

  @Test func everyDrawnCrashHappensWhileHoldingTheLock() throws {
    let result = try run(Self.json, strategy: "lock-whole-refresh")
    var holder: Int?
    var crashes = 0
    for event in result.trace {
      switch event.kind {
      case .lock(let process, _, .acquired): holder = process
      case .lock(_, _, .released), .lock(_, _, .brokenStale), .lock(_, _, .holderDied): holder = nil
      case .processCrashed(let process):
        crashes += 1
        #expect(holder == process, "a crash at \(event.time) while not holding the lock")
      default: break
      }
    }
    #expect(crashes > 10, "about 6 an hour are drawn; each waits for the next refresh under the lock")
  }
}

import Foundation
import Testing

@testable import TokenSimKit

/// End-to-end runs of the built-in strategies in small scenarios, with the exact figures the
/// model makes exact.
@Suite struct StrategyScenarioTests {
  static let sharedFleet = #"""
    [{"name": "sync", "role": "daemon", "count": 3, "cycle": {"every": "1m"}},
     {"name": "cli", "role": "cli", "arrivals": {"every": "7m"}, "startAt": "30s", "apiCalls": 2}]
    """#

  @Test(arguments: ["lease-shared", "broker"])
  func onePerRotationAcrossAWeek(strategy: String) throws {
    let json = oneHost(duration: "7d", server: #"{"accessTokenTTL": "1h"}"#, processes: Self.sharedFleet)
    let result = try run(json, strategy: strategy)
    let requests = sent(result)
    // Every refresh token is presented exactly once, and every presentation rotates it.
    #expect(Set(requests.map(\.token)).count == requests.count)
    #expect(outcomes(result).allSatisfy { $0 == .ok })
    #expect(result.metrics.reuseDetections == 0)
    #expect(result.metrics.availability == 1)
    // One rotation per access-token lifetime less the 5-minute window: 7 d / 55-56 min.
    #expect((180...184).contains(requests.count))
    let naive = try run(json.replacingOccurrences(of: #""7d""#, with: #""2h""#), strategy: "naive")
    #expect(naive.metrics.reuseDetections > 0, "the same fleet under naive presents rotated tokens")
  }

  static var seed004: String {
    get throws {
      try String(contentsOf: packageRoot.appendingPathComponent("Scenarios/shared-file-thrash.json"), encoding: .utf8)
    }
  }

  @Test func rereadFromDiskEndsTheSeed004ThrashLoop() throws {
    let naive = try run(try Self.seed004, strategy: "naive")
    #expect(naive.metrics.workLoopRestarts > 280)
    let reread = try run(try Self.seed004, strategy: "reread-from-disk", "retryRejectedCall=false")
    #expect(reread.metrics.workLoopRestarts == 0)
    #expect(reread.metrics.reuseDetections == 0)
    // Each CLI invocation rotates once (288 of them in 2 h); the daemon adopts their pairs at its
    // next cycle, the one the 401 hit having failed.
    #expect(reread.metrics.tokenRequests == 288)
    #expect(sent(reread).allSatisfy { $0.process != 1 })
    #expect(reread.metrics.workCyclesFailed == 288)
  }

  @Test func rereadFromDiskRetryingThe401RacesTheCLIsRotationButCompletesEveryCycle() throws {
    let reread = try run(try Self.seed004, strategy: "reread-from-disk")
    #expect(reread.metrics.workLoopRestarts == 0)
    #expect(reread.metrics.workCyclesFailed == 0)
    // The retry rereads before the CLI's pair reaches the file: one 403 (reuse, rejected) per CLI,
    // then the reread after the refusal adopts the CLI's pair.
    #expect(reread.metrics.reuseDetections == 288)
    #expect(reread.metrics.tokenRequests == 576)
  }

  @Test func rereadFromDiskStillLosesARaceInTheSameInstant() throws {
    let processes = #"""
      [{"name": "a", "role": "daemon", "count": 2, "cycle": {"every": "1m"}}]
      """#
    let result = try run(
      oneHost(duration: "40m", server: #"{"accessTokenTTL": "30m"}"#, processes: processes), strategy: "reread-from-disk")
    let requests = sent(result)
    #expect(requests.count >= 2)
    #expect(requests[0].time == requests[1].time && requests[0].token == requests[1].token)
    #expect(result.metrics.reuseDetections == 1)
  }

  static let outage = #"""
    {"name": "t", "description": "test", "duration": "2h", "seed": 3,
     "server": {"accessTokenTTL": "1h", "faults": [{"target": "token", "status": 502, "from": "54m", "to": "58m"}]},
     "hosts": [{"name": "h", "processes": [
       {"name": "agent", "role": "daemon", "count": 2, "cycle": {"every": "10s"}},
       {"name": "cli", "role": "cli", "arrivals": {"every": "20s"}, "startAt": "5s"}]}]}
    """#

  @Test func aTransientOutageWhileTheTokenIsValid() throws {
    let lease = try run(Self.outage, strategy: "lease-shared")
    #expect(lease.metrics.availability == 1)
    let inWindow = sent(lease).filter { $0.time >= t(54) && $0.time < t(58) }.map(\.time)
    #expect(!inWindow.isEmpty)
    // At most one request per throttle period (24–36 s) from all processes together.
    #expect(zip(inWindow, inWindow.dropFirst()).allSatisfy { $1 - $0 >= .seconds(24) })
    #expect(inWindow.count <= 10)
    #expect(lease.metrics.reuseDetections == 0)
    let naive = try run(
      Self.outage.replacingOccurrences(of: #""from": "54m", "to": "58m""#, with: #""from": "59m50s", "to": "1h4m""#),
      strategy: "naive")
    #expect(naive.metrics.availability < 1)
    #expect(naive.metrics.tokenRequestsByOutcome["serverError", default: 0] > 10 * inWindow.count)
  }

  static func rateLimited(_ format: String) -> String {
    """
    {"name": "t", "description": "test", "duration": "1h", "seed": 6,
     "server": {"accessTokenTTL": "30m",
                "faults": [{"target": "token", "status": 429, "retryAfter": "90s", "retryAfterFormat": "\(format)", "nextRequests": 1}]},
     "hosts": [{"name": "h", "processes": [
       {"name": "agent", "role": "daemon", "count": 3, "cycle": {"every": "5s"}, "refreshAtStart": true}]}]}
    """
  }

  @Test(arguments: ["delay-seconds", "http-date"])
  func noRequestBeforeTheRetryAfterDeadline(format: String) throws {
    let json = Self.rateLimited(format)
    for (strategy, parameters) in [("lease-shared", [String]()), ("naive", ["honorRetryAfter=true", "backoff=exponential"])] {
      let result = Simulation(scenario: try scenario(json), strategy: try choice(strategy, parameters)).run()
      let requests = sent(result)
      let first = try #require(requests.first)
      #expect(outcomes(result).first == .rateLimited, "\(strategy) \(format)")
      // The header says 90 s; an HTTP-date has whole seconds, so the deadline is at least 89 s on.
      let early = requests.dropFirst().filter { $0.time < first.time + .seconds(89) }
      if strategy == "lease-shared" {
        #expect(early.isEmpty, "no process sharing the store sends before the deadline (\(format))")
      } else {
        #expect(early.allSatisfy { $0.process != first.process }, "the process told to wait sends nothing before the deadline")
      }
    }
  }
}

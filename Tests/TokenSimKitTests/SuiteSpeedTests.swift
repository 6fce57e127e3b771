import Foundation
import Testing

@testable import TokenSimKit

/// What made the suite fast must not change what it writes: coordinates written without
/// `String(format:)`, stage timings taken from a clock the caller hands in, and the count of
/// live processes the bench divides memory by.
@Suite struct SuiteSpeedTests {
  @Test func oneDecimalWritesWhatPrintfWrites() {
    var values: [Double] = [
      0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, -0.04, -0.05, -0.25, 1.25, 2.45, 9.95, 99.95, 0.95, 1e6 + 0.05, 123_456.75,
      774.0, 190.0, 1e15, -3e15, .infinity, -.infinity, .nan, 0.1 + 0.2,
    ]
    for numerator in 0..<20_000 { values.append(Double(numerator) / 40 - 200) }
    for numerator in 1...3_000 { values.append(770.0 / Double(numerator)) }
    let mismatches = values.filter { OneDecimal.text($0) != String(format: "%.1f", $0) }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { "\($0): \(OneDecimal.text($0))" })")
  }

  @Test func stageTimesCountEveryStageOfEveryRunAndChangeNoReport() throws {
    let scenarios = try ["quiet-day", "retry-after-429"].map { try Scenario.load(path: "Scenarios/\($0).json") }
    let matrix = MatrixRun(scenarios: scenarios, strategies: try [choice("naive"), choice("lease-shared")])
    try withTemporaryDirectory { directory in
      _ = try matrix.runAndPublish(out: directory + "/plain", jobs: 1)
      // A clock that moves one nanosecond per reading: each timed stage takes exactly one.
      let ticks = Ticks()
      let times = StageTimes(clock: { ticks.next() })
      _ = try matrix.runAndPublish(out: directory + "/timed", jobs: 1, times: times)
      let seconds = Dictionary(uniqueKeysWithValues: times.seconds.map { ($0.stage, $0.seconds) })
      for stage in StageTimes.Stage.allCases {
        #expect(seconds[stage] == (stage == .matrix ? 1e-9 : 4e-9), "\(stage.rawValue): four runs, one matrix")
      }
      let runs = ["quiet-day/naive", "retry-after-429/lease-shared"]
      for path in runs.flatMap({ run in RunFiles.names.map { "\(run)/\($0)" } }) + ["compare.json", "compare.md"] {
        let (plain, timed) = ("\(directory)/plain/\(path)", "\(directory)/timed/\(path)")
        #expect(FileManager.default.contents(atPath: plain) != nil, "\(path)")
        #expect(FileManager.default.contents(atPath: plain) == FileManager.default.contents(atPath: timed), "\(path)")
      }
    }
  }

  @Test func theWorldCountsProcessesAliveAtOnce() throws {
    let world = World(
      scenario: try scenario(
        oneHost(
          duration: "1h",
          processes: #"""
            [{"name": "d", "role": "daemon", "count": 3, "cycle": {"every": "1m"}, "stopAt": "30m"},
             {"name": "c", "role": "cli", "arrivals": {"every": "10m"}, "startAt": "40m", "stopAt": "55m"}]
            """#)), seed: 1, makeStrategy: { _ in NaiveStrategy() })
    world.advance(to: .start + .minutes(1))
    #expect((world.liveProcesses, world.peakLiveProcesses) == (3, 3))
    world.run()
    #expect(world.liveProcesses == 0, "the daemons stopped at 30 min, each CLI ran its one call and exited")
    #expect(world.peakLiveProcesses == 3)
  }
}

/// A clock for tests: 1, 2, 3, … nanoseconds, one per reading.
private final class Ticks: @unchecked Sendable {
  private let lock = NSLock()
  private var now: UInt64 = 0
  func next() -> UInt64 {
    lock.withLock {
      now += 1
      return now
    }
  }
}

import Foundation
import Testing

@testable import TokenSimKit

/// Runs that must stop before their end do so cleanly: a daemon's full work-item queue drops
/// items instead of growing, a memory limit and Ctrl-C stop `tokensim run` with the reports of
/// what ran, saying why.
@Suite(.serialized) struct RunStopTests {
  @Test func aFullWorkItemQueueDropsArrivingItems() throws {
    let json = oneHost(
      duration: "10s", server: #"{"faults": [{"target": "api", "effect": "hang"}]}"#,
      processes: #"""
        [{"name": "d", "role": "daemon", "apiTimeout": "1h", "workItems": {"every": "1ms", "queue": 10}}]
        """#)
    let result = try run(json, strategy: "naive")
    let droppedOnArrival = events(result) { if case .workItemEnded(_, false, 0) = $0 { true } else { false } }
    #expect(droppedOnArrival.count == 9_990)
    #expect(result.metrics.workItemsDropped == 9_990)
    #expect(result.analysis.findings.droppedItem?.what == "dropped a work item arriving at its full queue")
  }

  @Test func theQueueDefaultsToAThousandItems() throws {
    let json = oneHost(
      duration: "1h", processes: #"[{"name": "d", "role": "daemon", "workItems": {"every": "1m"}}]"#)
    #expect(try scenario(json).hosts[0].processes[0].workItems?.queue == 1_000)
  }

  @Test func aMemoryLimitStopsTheRunWithItsReports() throws {
    try withTemporaryDirectory { out in
      let result = try tokensim([
        "run", "Scenarios/quiet-day.json", "--strategy", "naive", "--max-memory", "1", "--out", out,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("stopped: memory-limit"))
      let report = try String(contentsOfFile: out + "/report.json", encoding: .utf8)
      #expect(report.contains("\"stopReason\" : \"memory-limit\"") || report.contains("\"stopReason\":\"memory-limit\""))
    }
  }

  @Test(.timeLimit(.minutes(1))) func ctrlCStopsTheRunWithItsReports() throws {
    try withTemporaryDirectory { out in
      let scenario = out + "/long.json"
      try oneHost(
        duration: "3650d", processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "1s"}}]"#
      ).write(toFile: scenario, atomically: true, encoding: .utf8)
      let process = Process()
      process.executableURL = packageRoot.appendingPathComponent(".build/debug/tokensim")
      process.arguments = ["run", scenario, "--strategy", "naive", "--out", out + "/run"]
      let stdout = Pipe()
      process.standardOutput = stdout
      process.standardError = FileHandle.nullDevice
      try process.run()
      // The run has begun once its staging directory exists beside the output directory.
      let deadline = Date().addingTimeInterval(20)
      while Date() < deadline,
        !((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).contains(where: {
          $0.hasPrefix(".run.partial")
        })
      { Thread.sleep(forTimeInterval: 0.05) }
      Thread.sleep(forTimeInterval: 0.5)
      kill(process.processIdentifier, SIGINT)
      let printed = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationReason == .exit)
      #expect(process.terminationStatus == 130)
      #expect(printed.contains("stopped: interrupted"))
      let report = try String(contentsOfFile: out + "/run/report.json", encoding: .utf8)
      #expect(report.contains("interrupted"))
    }
  }
}

/// A monitor looks whenever thousands of processes started, whatever its interval in events.
struct RunMonitorTests {
  @Test func aMonitorLooksWhenManyProcessesStartInFewEvents() throws {
    let json = oneHost(
      duration: "1h",
      processes: #"[{"name": "c", "role": "cli", "apiCalls": 100, "arrivals": {"cron": "1ms", "burst": 10000}}]"#)
    var looks: [Int] = []
    let monitor = RunMonitor(interval: 1_000_000) { position in
      looks.append(position.events)
      return looks.count == 3 ? .memoryLimit : nil
    }
    let result = Simulation(scenario: try scenario(json), strategy: try choice("naive")).run(
      trace: .discard, monitor: monitor)
    #expect(result.stopReason == .memoryLimit)
    #expect(looks.count == 3)
    #expect(result.eventsProcessed < 50_000, "an interval of a million events alone would not have looked yet")
  }
}

import Foundation
import Testing

@testable import TokenSimKit

/// `tokensim bench` measures each case in a child process and prints every figure; nothing here
/// asserts a speed, only that the figures are there and consistent with the workload.
@Suite struct BenchCommandTests {
  func manifest(_ workloads: String) throws -> (directory: URL, path: String) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let scenario = oneHost(duration: "2h", processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "1m"}}]"#)
    try scenario.write(to: directory.appendingPathComponent("small.json"), atomically: true, encoding: .utf8)
    let path = directory.appendingPathComponent("bench.json").path
    try #"{"workloads": \#(workloads)}"#.write(toFile: path, atomically: true, encoding: .utf8)
    return (directory, path)
  }

  let small = #"""
    [{"name": "loop", "engine": {"timers": 10, "period": "1s", "events": 5000}},
     {"name": "small", "scenario": "small.json", "duration": "1h", "strategies": ["naive", "lease-shared"]}]
    """#

  @Test func benchPrintsEveryFigureForEveryCaseAndWritesJSON() throws {
    let (directory, path) = try manifest(small)
    defer { try? FileManager.default.removeItem(at: directory) }
    let json = directory.appendingPathComponent("figures.json").path
    let result = try tokensim(["bench", path, "--json", json])
    #expect(result.status == 0, "\(result.stderr)")
    for header in ["events", "wall", "events/s", "ns/event", "sim s/wall s", "peak RSS"] {
      #expect(result.stdout.contains(header))
    }
    let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("loop") || $0.hasPrefix("small") }
    #expect(rows.count == 3)
    #expect(rows[0].contains("5,000"), "the engine processes exactly the events asked for")
    let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
    let measurements = document["measurements"] as! [[String: Any]]
    #expect(measurements.map { $0["strategy"] as? String } == [nil, "naive", "lease-shared"])
    #expect(measurements[0]["simulatedSeconds"] as? Double == 499.9, "the 5,000th firing: 10 timers 0.1 s apart")
    #expect(measurements[1]["simulatedSeconds"] as? Double == 3_600, "cut to the manifest's one hour")
    #expect(measurements.allSatisfy { ($0["peakResidentBytes"] as? Int ?? 0) > 1_000_000 })
    #expect(measurements.map { $0["peakLiveProcesses"] as? Int } == [nil, 1, 1], "one daemon alive at a time")
    #expect(measurements[1...].allSatisfy { ($0["residentBytesAtHalf"] as? Int ?? 0) > 1_000_000 })
    for header in ["peak live", "RSS/live", "RSS end/half"] { #expect(result.stdout.contains(header)) }
    #expect((document["machine"] as? [String: Any])?["cores"] as? Int == ProcessInfo.processInfo.activeProcessorCount)
  }

  @Test func onlyRunsTheNamedWorkloadsAndSuggestsAMisspeltOne() throws {
    let (directory, path) = try manifest(small)
    defer { try? FileManager.default.removeItem(at: directory) }
    let only = try tokensim(["bench", path, "--only", "loop"])
    #expect(only.status == 0)
    #expect(!only.stdout.contains("small"))
    let wrong = try tokensim(["bench", path, "--only", "smal"])
    #expect(wrong.status == 2)
    #expect(wrong.stderr.contains("did you mean small?"))
  }

  @Test func aRepeatedWorkloadIsMeasuredThatManyTimesAndShowsItsMedianRun() throws {
    let (directory, path) = try manifest(
      #"[{"name": "loop", "repeat": 3, "engine": {"timers": 10, "period": "1s", "events": 50000}}]"#)
    defer { try? FileManager.default.removeItem(at: directory) }
    let json = directory.appendingPathComponent("figures.json").path
    let result = try tokensim(["bench", path, "--json", json])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("measuring loop (run 3 of 3)"))
    let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
    let measured = (document["measurements"] as! [[String: Any]])
    #expect(measured.count == 1, "one row for the case, however many runs")
    #expect(measured[0]["runs"] as? Int == 3)
    let ratios = measured[0]["lastOverFirstByRun"] as? [Double] ?? []
    #expect(ratios.count == 3 && ratios == ratios.sorted())
    let first = measured[0]["firstTenthEventsPerSecond"] as? Double ?? 0
    let last = measured[0]["lastTenthEventsPerSecond"] as? Double ?? 0
    #expect(first > 0 && abs(last / first - ratios[1]) < 1e-9, "the row is the run with the median ratio")
    let note = result.stdout.split(separator: "\n").first { $0.hasPrefix("loop: 3 runs") }
    #expect(note?.hasSuffix(ratios.map { String(format: "%.2f", $0) }.joined(separator: " ")) == true, "\(result.stdout)")
  }

  @Test(arguments: [
    (#"[{"name": "x", "engine": {"timers": 0, "period": "1s", "events": 5}}]"#, "$.workloads[0].engine.timers"),
    (#"[{"name": "x", "scenario": "small.json", "strategies": ["naiv"]}]"#, "naive"),
    (#"[{"name": "x", "scenario": "missing.json", "strategies": ["naive"]}]"#, "no such file"),
    (#"[{"name": "x", "scenario": "small.json", "duration": "3h", "strategies": ["naive"]}]"#, "$.workloads[0].duration"),
    (#"[{"name": "x", "engine": {"timers": 1, "period": "1s", "events": 5}, "strategies": []}]"#, "beside \"engine\""),
    (#"[{"name": "x", "repeat": 0, "engine": {"timers": 1, "period": "1s", "events": 5}}]"#, "$.workloads[0].repeat"),
    (#"[{"name": "x", "repeat": 26, "engine": {"timers": 1, "period": "1s", "events": 5}}]"#, "$.workloads[0].repeat"),
  ])
  func badManifestsAreRefusedWithThePlace(workloads: String, message: String) throws {
    let (directory, path) = try manifest(workloads)
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try tokensim(["bench", path])
    #expect(result.status == 2)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }
}

import Foundation
import Testing

@testable import TokenSimKit

/// `tokensim bench --compare OLD.json`: ratios per case between two sets of figures, checked on
/// hand-written files (`--figures NEW.json` compares without measuring).
@Suite struct BenchCompareTests {
  func figures(_ measurements: String) -> String {
    """
    {"manifest": "Scenarios/bench/bench.json",
     "machine": {"processor": "Test CPU", "cores": 2, "memoryBytes": 1073741824, "system": "Test OS", "build": "release"},
     "measurements": [\(measurements)]}
    """
  }

  func write(_ files: [String: String]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    return directory
  }

  @Test func printsEventsPerSecondAndPeakMemoryAsRatiosNewOverOld() throws {
    let old = figures(
      """
      {"workload": "engine", "events": 1000000, "wallSeconds": 1, "simulatedSeconds": 10, "peakResidentBytes": 20000000},
      {"workload": "fleet", "strategy": "naive", "events": 500000, "wallSeconds": 1, "simulatedSeconds": 10,
       "peakResidentBytes": 40000000},
      {"workload": "gone", "strategy": "naive", "events": 10, "wallSeconds": 1, "simulatedSeconds": 1, "peakResidentBytes": 1}
      """)
    let new = figures(
      """
      {"workload": "engine", "events": 1000000, "wallSeconds": 0.5, "simulatedSeconds": 10, "peakResidentBytes": 20000000,
       "firstTenthEventsPerSecond": 2000000, "lastTenthEventsPerSecond": 1900000},
      {"workload": "fleet", "strategy": "naive", "events": 500000, "wallSeconds": 2, "simulatedSeconds": 10,
       "peakResidentBytes": 30000000},
      {"workload": "backlog", "strategy": "broker", "events": 10, "wallSeconds": 1, "simulatedSeconds": 1, "peakResidentBytes": 1}
      """)
    let directory = try write(["old.json": old, "new.json": new])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try tokensim([
      "bench", "--figures", directory.appendingPathComponent("new.json").path, "--compare",
      directory.appendingPathComponent("old.json").path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    func row(_ workload: String) -> [String]? { rows.first { $0.first == workload } }
    #expect(result.stdout.contains("Test CPU, 2 cores"))
    #expect(row("engine")?.filter { $0.hasSuffix("×") } == ["2.00×", "1.00×"], "twice the events/s, the same memory")
    #expect(row("fleet")?.filter { $0.hasSuffix("×") } == ["0.50×", "0.75×"])
    #expect(row("backlog")?.contains("-") == true, "a case only the new figures have has no ratio")
    #expect(row("gone")?.contains("-") == true, "nor one only the old figures have")
  }

  @Test func refusesFiguresWithoutCompareAndFilesThatAreNotFigures() throws {
    let directory = try write(["new.json": figures(""), "bad.json": #"{"manifest": 1}"#])
    defer { try? FileManager.default.removeItem(at: directory) }
    let alone = try tokensim(["bench", "--figures", directory.appendingPathComponent("new.json").path])
    #expect(alone.status == 2 && alone.stderr.contains("--figures goes with --compare"))
    let bad = try tokensim(["bench", "--compare", directory.appendingPathComponent("bad.json").path])
    #expect(bad.status == 2 && bad.stderr.contains("not the figures of tokensim bench --json"), "\(bad.stderr)")
    #expect(bad.stdout.isEmpty, "refused before measuring anything")
  }

  @Test func benchMeasuresTheFirstAndLastTenthAndComparesWhatItMeasured() throws {
    let old = figures(
      #"{"workload": "loop", "events": 50000, "wallSeconds": 1, "simulatedSeconds": 1, "peakResidentBytes": 1000000}"#)
    let manifest = #"{"workloads": [{"name": "loop", "engine": {"timers": 10, "period": "1s", "events": 50000}}]}"#
    let directory = try write(["old.json": old, "bench.json": manifest])
    defer { try? FileManager.default.removeItem(at: directory) }
    let json = directory.appendingPathComponent("new.json").path
    let result = try tokensim([
      "bench", directory.appendingPathComponent("bench.json").path, "--json", json, "--compare",
      directory.appendingPathComponent("old.json").path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    for header in ["first 10%/s", "last 10%/s", "last/first", "Compared with", "events/s old", "new/old"] {
      #expect(result.stdout.contains(header), "\(header)")
    }
    let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
    let measured = (document["measurements"] as! [[String: Any]])[0]
    #expect((measured["firstTenthEventsPerSecond"] as? Double ?? 0) > 0)
    #expect((measured["lastTenthEventsPerSecond"] as? Double ?? 0) > 0)
  }
}

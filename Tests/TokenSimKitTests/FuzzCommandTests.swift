import Foundation
import Testing

@testable import TokenSimKit

/// `tokensim fuzz` through the executable: a fixed-seed campaign finds nothing, and broken
/// scenario files are refused with exit 2 and a message.
@Suite(.serialized) struct FuzzCommandTests {
  /// The population cap keeps setup small (a drawn scenario may start 500,000 processes), so the
  /// campaign fits beside the rest of a loaded test run; the limit guards against a hang only.
  @Test(.timeLimit(.minutes(5))) func aFixedSeedFuzzFindsNoCrashOrBrokenInvariant() throws {
    try withTemporaryDirectory { out in
      let result = try tokensim([
        "fuzz", "--runs", "4", "--seed", "1", "--jobs", "2", "--event-budget", "2000", "--population", "2000", "--out", out,
      ])
      #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
      #expect(result.stdout.contains("4 scenarios × 8 strategies = 32 runs"))
      #expect(result.stdout.contains("traps 0, aborts 0, invariant failures 0, memory-limit stops 0"))
      #expect(FileManager.default.fileExists(atPath: out + "/fuzz.json"))
      #expect(!FileManager.default.fileExists(atPath: out + "/.running"))
    }
  }

  /// A memory-limit stop (and a slowdown, which a busy machine can cause) is reported with its
  /// replay command but is not a failure: exit 0 as long as nothing trapped, aborted or broke.
  @Test func memoryLimitStopsAreReportedWithoutFailingTheCampaign() throws {
    try withTemporaryDirectory { out in
      let result = try tokensim(["fuzz", "--runs", "1", "--seed", "1", "--max-memory", "1MiB", "--out", out])
      #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
      #expect(result.stdout.contains("traps 0, aborts 0, invariant failures 0, memory-limit stops 8"))
      #expect(result.stdout.contains("--max-memory 1048576"), "each stop with its replay command")
    }
  }

  @Test func aPopulationCapOutsideItsRangeIsRefused() throws {
    let result = try tokensim(["fuzz", "--runs", "1", "--population", "0"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--population wants a whole number from 1 to 500000, not \"0\""))
  }

  @Test func aCaseReportsItsOutcomeAsOneLine() throws {
    try withTemporaryDirectory { out in
      let file = out + "/case.json"
      try ScenarioSpace.draw(seed: 1, index: 0).write(toFile: file, atomically: true, encoding: .utf8)
      let result = try tokensim(["fuzz", "--case", file, "--strategy", "naive", "--event-budget", "1000"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("\"stopReason\""))
    }
  }

  @Test(arguments: ["6", "6:", ":4", "6:0", "-1:4", "a:b", "6:4:2", "99999999999:1"])
  func aBatchThatIsNotFirstColonCountIsRefused(_ batch: String) throws {
    let result = try tokensim(["fuzz", "--seed", "1", "--batch", batch])
    #expect(result.status == 2, "\(batch): \(result.stderr)")
    #expect(result.stderr.contains("--batch wants FIRST:COUNT, two whole numbers such as 0:32, not \"\(batch)\""))
    #expect(result.stdout.isEmpty, "no case runs: \(result.stdout)")
  }

  @Test func aBatchChildPrintsANumberedLinePerCase() throws {
    let result = try tokensim([
      "fuzz", "--seed", "1", "--batch", "6:4", "--population", "100", "--event-budget", "1000",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let numbers = result.stdout.split(separator: "\n").map { FuzzLine(text: $0)?.number }
    #expect(numbers == [6, 7, 8, 9])
  }

  @Test(arguments: ScenarioMutation.allCases)
  func aBrokenFileIsRefusedWithExit2(_ mutation: ScenarioMutation) throws {
    try withTemporaryDirectory { out in
      let text = try String(
        contentsOf: packageRoot.appendingPathComponent("Scenarios/shared-file-thrash.json"), encoding: .utf8)
      var random = RandomStream(rootSeed: 2, name: mutation.rawValue)
      for attempt in 0..<20 {
        let mutated = mutation.apply(to: text, random: &random)
        guard (try? Scenario.parse(mutated, file: "x.json")) == nil else { continue }
        try mutated.write(toFile: out + "/broken.json", atomically: true, encoding: .utf8)
        let result = try tokensim(["validate", out + "/broken.json"])
        #expect(result.status == 2, "attempt \(attempt): \(result.stderr)")
        #expect(result.stderr.contains("broken.json"))
        return
      }
    }
  }

  @Test func invalidUTF8IsRefusedWithExit2() throws {
    try withTemporaryDirectory { out in
      var bytes = Array(#"{"name": "x", "description": ""#.utf8)
      bytes += [0xFF, 0xFE, 0xC0]
      bytes += Array(#"", "duration": "1h", "hosts": []}"#.utf8)
      _ = FileManager.default.createFile(atPath: out + "/bad.json", contents: Data(bytes))
      let result = try tokensim(["validate", out + "/bad.json"])
      #expect(result.status == 2)
      #expect(result.stderr.contains("bad.json"))
    }
  }
}

/// The case number on a line a batch child prints.
private struct FuzzLine: Decodable {
  var number: Int

  init?(text: Substring) {
    guard let line = try? JSONDecoder().decode(FuzzLine.self, from: Data(text.utf8)) else { return nil }
    self = line
  }
}

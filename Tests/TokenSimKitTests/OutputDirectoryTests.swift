import Foundation
import Testing

@testable import TokenSimKit

/// A run's outputs are written beside their directory and moved into place when complete, so an
/// interrupted run never leaves an earlier run's reports beside its own partial output, and the
/// next run into the same place removes what a killed one left (issue 16).
@Suite(.serialized) struct OutputDirectoryTests {
  let quietDay = ["run", "Scenarios/quiet-day.json", "--strategy", "naive"]

  func entries(_ directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }

  func write(_ text: String, _ path: String) throws {
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  @Test func aRunReplacesEveryFileOfTheEarlierRunAndItsLeftovers() throws {
    try withTemporaryDirectory { root in
      let out = root + "/run"
      for file in ["report.json", "trace.jsonl", ".trace.jsonl.partial", ".report.md.partial"] {
        try write("stale", "\(out)/\(file)")
      }
      try write("stale", "\(root)/.run.partial-2147483647/report.json")
      try write("stale", "\(root)/.run.old-2147483647/report.json")
      let live = "\(root)/.run.partial-\(ProcessInfo.processInfo.processIdentifier)"
      try write("a live process's", "\(live)/report.json")

      let result = try tokensim(quietDay + ["--out", out])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(entries(out) == RunFiles.names.sorted())
      #expect(try String(contentsOfFile: out + "/report.json", encoding: .utf8).contains(#""name" : "quiet-day""#))
      #expect(entries(root) == [".run.partial-\(ProcessInfo.processInfo.processIdentifier)", "run"])
    }
  }

  @Test func aDirectoryWithFilesOfTheUsersKeepsThemAndLosesOnlyOurs() throws {
    try withTemporaryDirectory { root in
      for file in ["notes.txt", "trace.jsonl", "report.json"] { try write("stale", "\(root)/\(file)") }
      let result = try tokensim(quietDay + ["--out", root])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(entries(root) == (RunFiles.names + ["notes.txt"]).sorted())
      #expect(try String(contentsOfFile: root + "/notes.txt", encoding: .utf8) == "stale")
    }
  }

  @Test func aLinkedDirectoryStaysALinkAndItsTargetGetsTheReports() throws {
    try withTemporaryDirectory { root in
      try write("stale", root + "/target/trace.jsonl")
      try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/target")
      let result = try tokensim(quietDay + ["--out", root + "/link"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/link")) == root + "/target")
      #expect(entries(root + "/target") == RunFiles.names.sorted())
    }
  }

  @Test func aKilledRunLeavesTheEarlierReportsWholeAndTheNextRunCleansUp() throws {
    try withTemporaryDirectory { root in
      let out = root + "/run"
      #expect(try tokensim(quietDay + ["--out", out]).status == 0)
      let before = try Data(contentsOf: URL(fileURLWithPath: out + "/report.json"))
      let long = """
        {"name": "long", "description": "runs for minutes", "duration": "30d", "eventBudget": 2000000000,
         "hosts": [{"name": "h", "processes": [{"name": "d", "role": "daemon", "cycle": {"every": "1ms"}}]}]}
        """
      try write(long, root + "/long.json")
      try killWhileRunning(["run", root + "/long.json", "--strategy", "naive", "--out", out, "--trace"], staging: root)

      #expect(entries(out) == RunFiles.names.sorted(), "the earlier run's reports and nothing of the killed one")
      #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/report.json")) == before)
      #expect(entries(root).contains { $0.hasPrefix(".run.partial-") })
      #expect(try tokensim(quietDay + ["--out", out]).status == 0)
      #expect(entries(root) == ["long.json", "run"])
    }
  }

  @Test func aMatrixRunRemovesTheEarlierMatrixFilesBeforeItStarts() throws {
    try withTemporaryDirectory { root in
      for file in ["compare.json", "compare.md", "compare.html", "shard.json"] { try write("stale", "\(root)/\(file)") }
      let result = try tokensim([
        "compare", "Scenarios/quiet-day.json", "--strategy", "naive,broker", "--shard", "1/2", "--out", root,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(entries(root) == ["quiet-day", "shard.json"])
      #expect(try String(contentsOfFile: root + "/shard.json", encoding: .utf8) != "stale")
    }
  }

  /// Starts `tokensim arguments`, waits until its staging directory appears in `staging`, and
  /// kills it there.
  private func killWhileRunning(_ arguments: [String], staging: String) throws {
    let process = Process()
    process.executableURL = packageRoot.appendingPathComponent(".build/debug/tokensim")
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let marker = ".run.partial-\(process.processIdentifier)"
    for _ in 0..<600 where !entries(staging).contains(marker) { Thread.sleep(forTimeInterval: 0.05) }
    Thread.sleep(forTimeInterval: 0.3)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal, "killed while running, not finished")
  }
}

import Foundation
import Testing

/// Issue 18, through the built executable: a user's own configuration beside the built-in
/// strategies, its name and parameters in every report, output paths checked before anything
/// runs, `validate` on strategy files and directories, partial `expect` sections, fault windows
/// past the end of the run, and `run --seeds` summaries.
@Suite(.serialized) struct FirstUserTests {
  static let thrash = packageRoot.path + "/Scenarios/shared-file-thrash.json"
  static let quietDay = packageRoot.path + "/Scenarios/quiet-day.json"

  /// Writes `text` to `directory/name` and returns the path.
  static func file(_ directory: String, _ name: String, _ text: String) throws -> String {
    let path = directory + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// quiet-day.json with `change` applied to its top-level object, written to `directory/name`.
  static func quietDay(in directory: String, _ name: String, _ change: (inout [String: Any]) -> Void) throws -> String {
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: quietDay))) as? [String: Any])
    change(&object)
    let path = directory + "/" + name
    try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func compareRunsAStrategyFileAndAVariantByNameBesideABuiltIn() throws {
    try withTemporaryDirectory { directory in
      _ = try Self.file(directory, "ours.json", #"{"name": "ours", "base": "lease-shared"}"#)
      let result = try tokensim(
        ["compare", Self.thrash, "--strategy", "naive,./ours.json,seed-004-needs-login", "--out", "out"], in: directory)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("shared-file-thrash  fail avail 88.0% +2  pass 99.0%"))
      #expect(result.stdout.contains("shared-file-thrash  seed-004-needs-login  fail converge 2.0 h +2"))
      for run in ["naive", "ours", "seed-004-needs-login"] {
        #expect(FileManager.default.fileExists(atPath: "\(directory)/out/shared-file-thrash/\(run)/report.json"), "\(run)")
      }
      let markdown = try String(contentsOfFile: directory + "/out/compare.md", encoding: .utf8)
      #expect(markdown.contains("- ours: based on lease-shared at its defaults"))
      #expect(markdown.contains("- seed-004-needs-login: based on naive with onRejected=needs-login"))
    }
  }

  @Test func compareAndSuiteTakeStrategyFilesAndParams() throws {
    try withTemporaryDirectory { directory in
      let ours = try Self.file(directory, "ours.json", #"{"name": "ours", "base": "reread-from-disk"}"#)
      let compare = try tokensim([
        "compare", Self.quietDay, "--strategy", "naive", "--strategy-file", ours, "--param", "maxRetries=2", "--out",
        directory + "/compare",
      ])
      #expect(compare.status == 0, "\(compare.stderr)")
      #expect(compare.stdout.contains("naive+maxRetries=2"))
      #expect(compare.stdout.contains("ours+maxRetries=2"))
      let scenarios = directory + "/scenarios"
      try FileManager.default.createDirectory(atPath: scenarios, withIntermediateDirectories: true)
      _ = try Self.quietDay(in: scenarios, "day.json") { _ in }
      let suite = try tokensim(["suite", scenarios, "--strategy-file", ours, "--out", directory + "/suite"])
      #expect(suite.status == 0, "\(suite.stderr)")
      #expect(suite.stdout.hasPrefix("scenario   naive        reread-from-disk"))
      #expect(suite.stdout.contains("lock-whole-refresh  ours"), "a strategy file runs beside every built-in strategy")
      #expect(suite.stdout.contains("Expectations: all 8 runs"), "a configured strategy is not judged by expect")
      let unknown = try tokensim(["compare", Self.quietDay, "--strategy", "naive,seed-004-needs-login"])
      #expect(unknown.status == 2)
      #expect(unknown.stderr.contains("not a built-in strategy, a variant of the scenarios given, or a strategy file"))
    }
  }

  @Test func runRunsAScenarioVariantByName() throws {
    try withTemporaryDirectory { out in
      let result = try tokensim(["run", Self.thrash, "--strategy", "seed-004-needs-login", "--out", out])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.hasPrefix("FAIL: shared-file-thrash × seed-004-needs-login (seed 4)"))
      let report = try String(contentsOfFile: out + "/report.json", encoding: .utf8)
      #expect(report.contains(#""base" : "naive""#))
      #expect(report.contains(#""onRejected" : "needs-login""#))
    }
  }

  @Test func theConfiguredNameAndItsParametersAreInEveryFormat() throws {
    try withTemporaryDirectory { directory in
      let name = "naive+backoff=full-jitter,honorRetryAfter=true"
      let params = ["--strategy", "naive", "--param", "honorRetryAfter=true", "--param", "backoff=full-jitter"]
      let run = try tokensim(["run", Self.quietDay] + params + ["--out", directory + "/run"])
      #expect(run.stdout.hasPrefix("PASS: quiet-day × \(name) (seed 1)"))
      let described = "based on naive with backoff=full-jitter, honorRetryAfter=true"
      let expected: [(String, [String])] = [
        ("report.md", ["# PASS: quiet-day × \(name)", "Strategy `\(name)`: \(described)."]),
        ("index.html", ["quiet-day × \(name)", "Strategy <code>\(name)</code>: \(described)."]),
        (
          "junit.xml",
          [
            "classname=\"quiet-day.\(name)\"", #"<property name="strategy.base" value="naive"/>"#,
            #"<property name="strategy.backoff" value="full-jitter"/>"#,
          ]
        ),
        ("report.json", [#""name" : "\#(name)""#, #""base" : "naive""#, #""honorRetryAfter" : "true""#]),
        ("timeline.svg", ["quiet-day × \(name)"]),
      ]
      for (file, texts) in expected {
        let content = try String(contentsOfFile: "\(directory)/run/\(file)", encoding: .utf8)
        for text in texts { #expect(content.contains(text), "\(file): \(text)") }
      }
      let compare = try tokensim(["compare", Self.quietDay] + params + ["--out", directory + "/compare"])
      #expect(compare.stdout.contains(name))
      for file in ["compare.md", "compare.html", "compare.json"] {
        let content = try String(contentsOfFile: "\(directory)/compare/\(file)", encoding: .utf8)
        #expect(content.contains(name), "\(file)")
        #expect(content.contains("full-jitter"), "\(file)")
      }
      #expect(FileManager.default.fileExists(atPath: "\(directory)/compare/quiet-day/\(name)/index.html"))
      let check = try tokensim(["check", Self.quietDay] + params + ["--out", directory + "/check"])
      #expect(check.stdout.contains("Strategy `\(name)` (\(described)) on 1 scenario(s)"))
    }
  }

  @Test func outputPathsAreCheckedBeforeAnyRun() throws {
    try withTemporaryDirectory { directory in
      let file = try Self.file(directory, "FILE", "a regular file")
      let out = directory + "/out"
      let cases: [([String], String)] = [
        (["check", Self.quietDay, "--strategy", "naive", "--out", out, "--junit", file + "/x.xml"], "--junit \(file)/x.xml"),
        (["check", Self.quietDay, "--strategy", "naive", "--out", out, "--junit", directory], "is a directory, not a file"),
        (["check", Self.quietDay, "--strategy", "naive", "--out", out, "--record-baseline", file], "--record-baseline"),
        (["check", Self.quietDay, "--strategy", "naive", "--out", file + "/sub/dir"], "--out \(file)/sub/dir"),
        (["compare", Self.quietDay, "--strategy", "naive", "--out", file], "--out \(file): cannot write there"),
        (["suite", packageRoot.path + "/Scenarios", "--strategy", "naive", "--out", file], "--out \(file)"),
        (
          ["suite", packageRoot.path + "/Scenarios", "--strategy", "naive", "--out", out, "--timings", file + "/t.txt"],
          "--timings \(file)/t.txt"
        ),
        (["run", Self.quietDay, "--strategy", "naive", "--out", file + "/run"], "--out \(file)/run"),
      ]
      for (arguments, message) in cases {
        let result = try tokensim(arguments)
        #expect(result.status == 2, "\(arguments)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was run"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "nothing is simulated or written: \(arguments)")
      }
    }
  }

  /// corelibs Foundation's `NSString.deletingLastPathComponent` traps on a one-character path;
  /// every output option takes one, relative to where tokensim runs.
  @Test func oneCharacterRelativeOutputPathsAreWritten() throws {
    try withTemporaryDirectory { directory in
      let cases: [([String], String)] = [
        (["run", Self.quietDay, "--strategy", "naive", "--out", "o"], "o/report.json"),
        (["compare", Self.quietDay, "--strategy", "naive", "--out", "c"], "c/compare.json"),
        (["check", Self.quietDay, "--strategy", "naive", "--out", "k", "--junit", "j"], "j"),
      ]
      for (arguments, written) in cases {
        let result = try tokensim(arguments, in: directory)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/" + written), "\(arguments)")
      }
    }
  }

  @Test func validateReadsStrategyFilesAndDirectories() throws {
    try withTemporaryDirectory { directory in
      let ours = try Self.file(
        directory, "ours.json", #"{"name": "ours", "base": "lease-shared", "parameters": {"advisoryWindow": "10m"}}"#)
      _ = try Self.quietDay(in: directory, "day.json") { _ in }
      let one = try tokensim(["validate", ours])
      #expect(one.status == 0, "\(one.stderr)")
      #expect(one.stdout == "ok   \(ours): strategy ours, based on lease-shared with advisoryWindow=10m\n")
      let all = try tokensim(["validate", directory])
      #expect(all.status == 0, "\(all.stderr)")
      #expect(all.stdout.contains("ok   \(directory)/day.json: quiet-day, 1 host(s), 1d"))
      #expect(all.stdout.contains("ok   \(directory)/ours.json: strategy ours"))
      let bundled = try tokensim(["validate", "Scenarios"])
      let files = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Scenarios").path)
      #expect(bundled.status == 0 && bundled.stdout.split(separator: "\n").count == files.count { $0.hasSuffix(".json") })
      _ = try Self.file(directory, "bad.json", #"{"base": "naive", "parameters": {"maxRetris": 2}}"#)
      let bad = try tokensim(["validate", directory])
      #expect(bad.status == 2)
      #expect(bad.stderr.contains(#"did you mean "maxRetries""#))
    }
  }

  @Test func anExpectSectionNeedsOnlyTheStrategiesThatRun() throws {
    try withTemporaryDirectory { directory in
      let scenarios = directory + "/scenarios"
      try FileManager.default.createDirectory(atPath: scenarios, withIntermediateDirectories: true)
      _ = try Self.quietDay(in: scenarios, "day.json") { $0["expect"] = ["naive": "pass", "broker": "pass"] }
      let two = try tokensim(["suite", scenarios, "--strategy", "naive,broker", "--out", directory + "/two"])
      #expect(two.status == 0, "\(two.stderr)")
      #expect(two.stdout.contains("Expectations: all 2 runs of 1 scenario(s) came out as their expect sections say."))
      let all = try tokensim(["suite", scenarios, "--out", directory + "/all"])
      #expect(all.status == 2)
      #expect(all.stderr.contains(#"day.json: the expect section has no expectation for "reread-from-disk", "lease-shared""#))
      #expect(!FileManager.default.fileExists(atPath: directory + "/all"))
    }
  }

  @Test func faultWindowsPastTheEndOfTheRunAreWarnedAbout() throws {
    try withTemporaryDirectory { directory in
      let late = try Self.quietDay(in: directory, "late.json") { scenario in
        scenario["duration"] = "1h"
        scenario["server"] = [
          "faults": [
            ["target": "token", "status": 502, "from": "2h", "to": "3h"],
            ["target": "token", "status": 502, "from": "50m", "to": "2h"],
            ["target": "token", "status": 502, "from": "50m"],
          ]
        ]
        scenario["expect"] = nil
      }
      let result = try tokensim(["validate", late])
      #expect(result.status == 0)
      let warnings = result.stderr.split(separator: "\n")
      #expect(warnings.count == 2, "\(result.stderr)")
      #expect(warnings.first?.contains("$.server.faults[0]: the fault window starts at 2h") == true)
      #expect(warnings.first?.contains("so it never fires") == true)
      #expect(warnings.last?.contains("$.server.faults[1]: the fault window runs to 2h, past the end of the 1h run") == true)
    }
  }

  @Test func runWithSeedsWritesASummaryBesideThePerSeedReports() throws {
    try withTemporaryDirectory { out in
      let result = try tokensim(["run", Self.quietDay, "--strategy", "naive", "--seeds", "1-2", "--out", out])
      #expect(result.status == 0)
      let summary = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/seeds.json"))) as? [String: Any])
      #expect(summary["passed"] as? Int == 2)
      #expect(
        (summary["seeds"] as? [[String: Any]])?.map { $0["report"] as? String } == ["seed-1/report.json", "seed-2/report.json"])
      let markdown = try String(contentsOfFile: out + "/seeds.md", encoding: .utf8)
      #expect(markdown.hasPrefix("# quiet-day × naive under 2 seeds\n"))
      #expect(markdown.contains("| [2](seed-2/report.md) | pass | 100.0% | 48 |   |"))
      #expect(markdown.hasSuffix("2 of 2 seeds passed.\n"))
    }
  }
}

import Foundation
import Testing
import TokenSimKit

/// The bundled suite: every scenario meets its expect section, and the golden files that
/// Reports/golden.txt lists are exactly what the suite writes (which also proves the reports are
/// the same on every machine).
@Suite(.serialized) struct BundledSuiteTests {
  @Test func everyBundledScenarioValidatesAndExpectsEveryStrategy() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: packageRoot.path + "/Scenarios")
      .filter { $0.hasSuffix(".json") }.sorted()
    #expect(files.count >= 16)
    for file in files {
      let scenario = try Scenario.load(path: packageRoot.path + "/Scenarios/" + file)
      let expectations = try #require(scenario.expectations, "\(file) has no expect section")
      let names = StrategyCatalog.all.map(\.name) + scenario.variants.map(\.name)
      #expect(Set(expectations.runs.keys) == Set(names), "\(file)")
      #expect(scenario.description.count > 80, "\(file) says what it reproduces")
    }
  }

  @Test func theSuiteMeetsEveryExpectationAndReproducesTheGoldenReports() throws {
    try withTemporaryDirectory { out in
      let result = try tokensim(["suite", "Scenarios", "--out", out, "--jobs", "2"])
      #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
      #expect(result.stdout.contains("came out as their expect sections say"))
      let reports = packageRoot.path + "/Reports"
      let golden = try goldenFiles()
      #expect(golden.contains("compare.json") && golden.count >= 10)
      let committed = reportFiles(under: reports).subtracting(["golden.txt"])
      let (extra, missing) = (committed.subtracting(golden).sorted(), Set(golden).subtracting(committed).sorted())
      #expect(
        extra.isEmpty && missing.isEmpty,
        "Reports/ holds other files than Reports/golden.txt lists (extra: \(extra), missing: \(missing)): run `make reports`")
      for file in golden {
        guard let written = FileManager.default.contents(atPath: "\(out)/\(file)") else {
          Issue.record("the suite no longer writes \(file), which Reports/golden.txt lists")
          continue
        }
        let kept = FileManager.default.contents(atPath: "\(reports)/\(file)") ?? Data()
        if let difference = goldenDifference(
          committed: String(decoding: kept, as: UTF8.self), written: String(decoding: written, as: UTF8.self),
          name: "Reports/\(file)")
        {
          Issue.record("\(difference)\nIf the change is intended, run `make reports` and review `git diff Reports/`.")
        }
      }
    }
  }

  /// The files Reports/golden.txt lists (neither blank lines nor `#` comments).
  private func goldenFiles() throws -> [String] {
    let list = try String(contentsOfFile: packageRoot.path + "/Reports/golden.txt", encoding: .utf8)
    return list.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") }
  }

  /// Every file under `root`, relative to it, without traces (`run --trace` output is not kept).
  private func reportFiles(under root: String) -> Set<String> {
    let all = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
    return Set(
      all.filter { path in
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: "\(root)/\(path)", isDirectory: &isDirectory)
        return exists && !isDirectory.boolValue && !path.hasSuffix("trace.jsonl")
      })
  }
}

/// The expect section: how it is read, and what counts as not met.
@Suite struct ExpectationTests {
  static let base = """
    {"name": "e", "description": "d", "duration": "1d",
     "hosts": [{"name": "h", "processes": [{"name": "d", "role": "daemon", "cycle": {"every": "1m"}}]}],
    """

  static func withExpect(_ expect: String, variants: String = "[]") -> String {
    base + #""variants": \#(variants), "expect": \#(expect)}"#
  }

  static func everyStrategy(_ naive: String) -> String {
    let rest = StrategyCatalog.all.dropFirst().map { "\"\($0.name)\": \"pass\"" }.joined(separator: ", ")
    return "{\"naive\": \(naive), \(rest)}"
  }

  @Test func aQuietDayMeetsItsExactCountAndAWrongOneIsReported() throws {
    let good = try scenario(Self.withExpect(Self.everyStrategy(#"{"verdict": "pass", "metrics": {"tokenRequests": 24}}"#)))
    let bad = try scenario(
      Self.withExpect(
        Self.everyStrategy(
          #"{"verdict": "fail", "failing": ["no-thrash"], "metrics": {"tokenRequests": {"min": 30}, "timeToAlertSeconds": 5}, "because": "b"}"#
        )))
    let result = Simulation(scenario: good, strategy: try choice("naive")).run()
    #expect(result.metrics.tokenRequests == 24)
    #expect(MatrixEntry(result).unmet == [])
    let judged = try #require(bad.expectations)
    let unmet = try #require(
      judged.mismatches(
        for: "naive", verdict: result.analysis.verdict, checks: result.analysis.checks, metrics: result.metrics))
    #expect(
      unmet == [
        "verdict pass, expected fail (b)", "failing checks [], expected [no-thrash] (b)",
        "timeToAlertSeconds null, expected = 5 (b)", "tokenRequests 24, expected ≥ 30 (b)",
      ])
  }

  @Test func variantsRunUnderTheirOwnNameAndMustBeExpected() throws {
    let variant = #"[{"name": "slow", "base": "naive", "parameters": {"refreshWindow": "5m"}}]"#
    let parsed = try scenario(
      Self.withExpect(Self.everyStrategy("\"pass\"").dropLast() + #", "slow": "pass"}"#, variants: variant))
    #expect(parsed.variants.map(\.name) == ["slow"])
    #expect(parsed.variants[0].parameters.duration("refreshWindow") == .minutes(5))
    let result = Simulation(scenario: parsed, strategy: parsed.variants[0]).run()
    #expect(MatrixEntry(result).isVariant)
    #expect(MatrixEntry(result).unmet == [])
  }

  @Test(arguments: [
    (everyStrategy(#""passed""#), "[]", "\"pass\", \"fail\", \"unknown\""),
    (everyStrategy(#"{"verdict": "pass", "metrics": {"tokenRequest": 3}}"#), "[]", "did you mean \"tokenRequests\""),
    (everyStrategy(#"{"verdict": "fail", "failing": ["no-trash"]}"#), "[]", "did you mean \"no-thrash\""),
    (everyStrategy(#"{"verdict": "pass", "failing": ["no-thrash"]}"#), "[]", "no failing checks when the verdict is \"pass\""),
    (
      everyStrategy(#"{"verdict": "pass", "metrics": {"tokenRequests": {"min": 5, "max": 1}}}"#), "[]",
      "min no larger than its max"
    ),
    (everyStrategy("\"pass\""), #"[{"name": "naive", "base": "naive"}]"#, "unlike every built-in strategy"),
    (everyStrategy("\"pass\""), #"[{"base": "naive"}]"#, "a \"name\" of its own"),
    (
      everyStrategy("\"pass\""), #"[{"name": "v", "base": "naive", "parameters": {"refreshWindw": "5m"}}]"#,
      "did you mean \"refreshWindow\""
    ),
    (everyStrategy("\"pass\""), #"{"name": "v", "base": "naive"}"#, "an array"),
    (
      everyStrategy(#"{"verdict": "pass", "metrics": {"tokenRequests": "many"}}"#), "[]",
      "a number, null, or {\"min\": x, \"max\": y}"
    ),
  ])
  func badExpectationsAreExplained(expect: String, variants: String, message: String) throws {
    #expect {
      _ = try scenario(Self.withExpect(expect, variants: variants))
    } throws: { error in
      "\(error)".contains(message)
    }
  }
}

/// `--jobs`: bad counts are refused (ShardMergeTests compares the bytes of 1 and 2 jobs).
@Suite(.serialized) struct ParallelRunTests {
  @Test(arguments: ["0", "x", "257"]) func badJobCountsAreRefusedBeforeAnythingRuns(jobs: String) throws {
    try withTemporaryDirectory { directory in
      let out = directory + "/never"
      let result = try tokensim(["compare", "Scenarios/quiet-day.json", "--out", out, "--jobs", jobs])
      #expect(result.status == 2)
      #expect(result.stderr.contains("--jobs wants a whole number from 1 to 256"))
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }
}

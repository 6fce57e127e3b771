import Foundation
import Testing

/// `compare`, `check` and `list checks` through the real executable.
@Suite(.serialized) struct GateCommandTests {
  @Test func checkExitsZeroWhenEveryCheckPasses() throws {
    try withTemporaryDirectory { out in
      let junit = out + "/junit.xml"
      let result = try tokensim([
        "check", "Scenarios/quiet-day.json", "--strategy", "lease-shared", "--out", out, "--junit", junit,
      ])
      #expect(result.status == 0)
      #expect(result.stdout.hasPrefix("# tokensim check: PASS\n"))
      #expect(result.stdout.contains("| quiet-day | pass |  | not compared |"))
      #expect(result.stderr.isEmpty, "no progress when stderr is not a terminal")
      #expect(parsesAsXML(try String(contentsOfFile: junit, encoding: .utf8)))
    }
  }

  @Test func checkExitsOneWhenACheckFailsAndNamesTheEvidence() throws {
    try withTemporaryDirectory { out in
      let result = try tokensim(["check", "Scenarios/shared-file-thrash.json", "--strategy", "naive", "--out", out])
      #expect(result.status == 1)
      #expect(result.stdout.hasPrefix("# tokensim check: FAIL\n"))
      #expect(
        result.stdout.contains(
          "| shared-file-thrash | fail | availability, goodput, no-thrash | not compared |"))
      #expect(result.stdout.contains("laptop/mount-daemon restarted its work loop 145 times"))
      #expect(result.stderr.contains("check failed: 1 scenario(s) with failing or undecided checks, 0 regression(s)"))
    }
  }

  @Test func checkExitsOneOnARegressionAgainstTheBaselineUnlessTolerated() throws {
    try withTemporaryDirectory { root in
      let baseline = root + "/baseline"
      let client = root + "/ours.json"
      try #"{"name": "ours", "base": "lease-shared"}"#.write(toFile: client, atomically: true, encoding: .utf8)
      let recorded = try tokensim([
        "check", "Scenarios/quiet-day.json", "--strategy-file", client, "--out", root + "/first", "--record-baseline", baseline,
      ])
      #expect(recorded.status == 0)
      #expect(recorded.stdout.contains("Baseline recorded in `\(baseline)/`."))
      #expect(FileManager.default.fileExists(atPath: baseline + "/quiet-day/ours/report.json"))
      // The client's file changes; its name, and so its place in the baseline, stays.
      try #"{"name": "ours", "base": "lease-shared", "parameters": {"advisoryWindow": "20m"}}"#
        .write(toFile: client, atomically: true, encoding: .utf8)
      let worse = ["check", "Scenarios/quiet-day.json", "--strategy-file", client]
      let regressed = try tokensim(worse + ["--out", root + "/regressed", "--baseline", baseline])
      #expect(regressed.status == 1)
      #expect(regressed.stdout.contains("## Regressions against the baseline"))
      #expect(regressed.stdout.contains("- quiet-day: tokenRequests"))
      let tolerated = try tokensim(
        worse + [
          "--out", root + "/tolerated", "--baseline", baseline, "--tolerance", "tokenRequests=500%", "--tolerance",
          "amplification=500%",
        ])
      #expect(tolerated.status == 0, "\(tolerated.stdout)")
    }
  }

  @Test func aMissingBaselineReportFailsTheGateUnlessNewScenariosAreAllowed() throws {
    try withTemporaryDirectory { root in
      try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
      let check = [
        "check", "Scenarios/quiet-day.json", "--strategy", "lease-shared", "--out", root + "/out", "--baseline", root + "/empty",
        "--junit", root + "/junit.xml",
      ]
      let missing = try tokensim(check)
      #expect(missing.status == 1)
      #expect(missing.stdout.hasPrefix("# tokensim check: FAIL\n"))
      #expect(missing.stdout.contains("| quiet-day | pass |  | no baseline report: fails the gate |"))
      #expect(missing.stderr.contains("1 scenario(s) without a baseline report (give --allow-new if they are new)"))
      #expect(try String(contentsOfFile: root + "/junit.xml", encoding: .utf8).contains(#"<failure type="missing-baseline""#))
      let allowed = try tokensim(check + ["--allow-new"])
      #expect(allowed.status == 0, "\(allowed.stderr)")
      #expect(allowed.stdout.contains("| quiet-day | pass |  | no baseline report (new, allowed) |"))
      let alone = try tokensim(["check", "Scenarios/quiet-day.json", "--strategy", "naive", "--allow-new"])
      #expect(alone.status == 2 && alone.stderr.contains("--allow-new goes with --baseline DIR"))
    }
  }

  @Test func checkExitsTwoOnBadInput() throws {
    try withTemporaryDirectory { root in
      let out = root + "/out"
      let missing = root + "/missing"
      let file = root + "/a-file"
      try "not a directory".write(toFile: file, atomically: true, encoding: .utf8)
      let check = ["check", "Scenarios/quiet-day.json", "--out", out, "--strategy"]
      let cases: [([String], String)] = [
        (check + ["naiv"], "did you mean \"naive\""),
        (
          ["check", "Scenarios/missing.json", "--out", out, "--strategy", "naive"],
          "Scenarios/missing.json: no such scenario file or directory"
        ),
        (check + ["naive", "--baseline", missing], "--baseline \(missing): no such directory"),
        (check + ["naive", "--tolerance", "tokenRequest=5%"], "did you mean tokenRequests?"),
        (check + ["naive", "--tolerance", "tokenRequests=lots"], "must be a number ≥ 0"),
        (["check", "--strategy", "naive"], "check needs at least one scenario file or directory"),
        (check + ["lease-shared", "--junit", file + "/junit.xml"], "--junit \(file)/junit.xml: cannot write there"),
      ]
      for (arguments, message) in cases {
        let result = try tokensim(arguments)
        #expect(result.status == 2, "\(arguments)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
      }
      #expect(!FileManager.default.fileExists(atPath: missing))
    }
  }

  @Test func compareWritesTheMatrixPagesAndPrintsTheTable() throws {
    try withTemporaryDirectory { out in
      let result = try tokensim(["compare", "Scenarios/shared-file-thrash.json", "--strategy", "naive,broker", "--out", out])
      #expect(result.status == 0)
      #expect(result.stdout.contains("shared-file-thrash  fail avail 88.0% +2  pass 100.0%"))
      #expect(result.stdout.contains("shared-file-thrash × naive: fail no-thrash (145, at most 3)"))
      for file in ["compare.json", "compare.md", "compare.html", "shared-file-thrash/broker/index.html"] {
        #expect(FileManager.default.fileExists(atPath: "\(out)/\(file)"), "\(file)")
      }
      let html = try String(contentsOfFile: out + "/compare.html", encoding: .utf8)
      #expect(html.contains(#"<a href="shared-file-thrash/naive/index.html">"#))
    }
  }

  @Test func compareRefusesAnUnknownStrategyBeforeRunningAnything() throws {
    try withTemporaryDirectory { root in
      let out = root + "/nothing"
      let result = try tokensim(["compare", "Scenarios", "--strategy", "naive,lease", "--out", out])
      #expect(result.status == 2)
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }

  @Test func listChecksDocumentsEveryCheckWithItsDefault() throws {
    let result = try tokensim(["list", "checks"])
    #expect(result.status == 0)
    for id in [
      "no-family-revocation", "honors-retry-after", "bounded-amplification", "converges", "alerts-on-dead-credentials",
      "no-work-lost", "availability", "goodput", "store-integrity", "no-thrash", "no-hang",
    ] {
      #expect(result.stdout.contains("\n\(id) (default: ") || result.stdout.hasPrefix("\(id) (default: "), "\(id)")
    }
    #expect(result.stdout.contains("no-thrash (default: at most 3 restarts per hour)"))
  }
}

import Foundation
import Testing
import TokenSimKit

/// Runs the built `tokensim` executable in `directory` (default: the package root).
func tokensim(_ arguments: [String], in directory: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
  let process = Process()
  process.executableURL = packageRoot.appendingPathComponent(".build/debug/tokensim")
  process.arguments = arguments
  process.currentDirectoryURL = directory.map { URL(fileURLWithPath: $0) } ?? packageRoot
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

func temporaryDirectory() -> String {
  let path = NSTemporaryDirectory() + "tokensim-test-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

@Suite(.serialized) struct CommandLineTests {
  @Test func runWritesAReportAndATrace() throws {
    try withTemporaryDirectory { out in
      let result = try tokensim(["run", "Scenarios/quiet-day.json", "--strategy", "naive", "--out", out, "--trace"])
      #expect(result.status == 0)
      #expect(result.stdout.contains("quiet-day × naive (seed 1)"))
      #expect(result.stdout.contains("events/s"))
      let report =
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/report.json"))) as? [String: Any]
      #expect(report?["schemaVersion"] as? Int == 1)
      #expect((report?["metrics"] as? [String: Any])?["tokenRequests"] as? Int == 48)
      #expect(report?.keys.contains { $0.lowercased().contains("wall") } == false)
      let trace = try String(contentsOfFile: out + "/trace.jsonl", encoding: .utf8)
      let login =
        #"{"t":0,"event":"login","host":"server-1","family":1,"accessTokenTTL":"30m","#
        + #""refreshTokenExpiresAt":2592000000000,"refreshTokenLifetime":"absolute"}"#
      #expect(trace.split(separator: "\n").first.map(String.init) == login, "its refresh token lives the default 30 days")
    }
  }

  @Test func twoRunsWithOneSeedWriteIdenticalBytes() throws {
    try withTemporaryDirectory { root in
      let (a, b) = (root + "/a", root + "/b")
      for out in [a, b] {
        let result = try tokensim([
          "run", "Scenarios/transient-502-past-expiry.json", "--strategy", "naive", "--seed", "5", "--out", out, "--trace",
        ])
        #expect(result.status == 0)
      }
      for file in ["report.json", "trace.jsonl"] {
        #expect(FileManager.default.contentsEqual(atPath: "\(a)/\(file)", andPath: "\(b)/\(file)"))
      }
    }
  }

  @Test func aBadScenarioExits2AndWritesNothing() throws {
    try withTemporaryDirectory { directory in
      let bad = directory + "/bad.json"
      try
        #"{"name": "x", "description": "d", "duration": "1h", "hosts": [{"name": "h", "processes": [{"name": "d", "rol": "daemon"}]}]}"#
        .write(toFile: bad, atomically: true, encoding: .utf8)
      let out = directory + "/out"
      let result = try tokensim(["run", bad, "--strategy", "naive", "--out", out])
      #expect(result.status == 2)
      #expect(result.stderr.contains("$.hosts[0].processes[0].rol"))
      #expect(result.stderr.contains(#"did you mean "role""#))
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }

  @Test(arguments: [
    (["run", "Scenarios/quiet-day.json"], "--strategy NAME or --strategy-file FILE is required"),
    (["run", "Scenarios/quiet-day.json", "--strategy", "naiv"], #"did you mean "naive"?"#),
    (["run", "Scenarios/quiet-day.json", "--strategy", "naive", "--param", "backof=none"], #"did you mean "backoff"?"#),
    (
      ["run", "Scenarios/quiet-day.json", "--strategy", "naive", "--param", "backoff=ful-jitter"], #"did you mean "full-jitter"?"#
    ),
    (["run", "Scenarios/quiet-day.json", "--strategy", "naive", "--param", "maxRetries=1000"], "a whole number from 0 to 100"),
    (["run", "Scenarios/quiet-day.json", "--strategy", "naive", "--param", "refreshWindow"], "NAME=VALUE"),
    (["run", "Scenarios/quiet-day.json", "--strategy", "naive", "--strategy-file", "x.json"], "not both"),
    (["run", "Scenarios/quiet-day.json", "--strategy-file", "missing.json"], "no such file"),
    (["list", "strategies", "--verbose", "lease"], "list takes one topic"),
    (["run", "Scenarios/quiet-day.json", "--strategy", "naive", "--seed", "-1"], "--seed takes a whole number"),
    (["run", "Scenarios/missing.json", "--strategy", "naive"], "no such file"),
    (["run", "Scenarios/quiet-day.json", "--strategy", "naive", "--sed", "1"], "did you mean --seed?"),
    (["rnu"], "did you mean run?"),
    (["validate"], "at least one file"),
  ])
  func badInvocationsExit2WithAReason(arguments: [String], message: String) throws {
    let result = try tokensim(arguments)
    #expect(result.status == 2)
    #expect(result.stderr.contains(message))
  }

  @Test(arguments: [
    ["--help"], ["run", "--help"], ["validate", "--help"], ["list", "--help"], ["suite", "--help"], ["compare", "--help"],
    ["check", "--help"], ["bench", "--help"], ["merge", "--help"],
  ])
  func everyCommandHasHelp(arguments: [String]) throws {
    let result = try tokensim(arguments)
    #expect(result.status == 0)
    #expect(result.stdout.contains("Usage: tokensim"))
  }

  @Test func validateChecksEveryBundledScenario() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: packageRoot.path + "/Scenarios").filter {
      $0.hasSuffix(".json")
    }
    let result = try tokensim(["validate"] + files.sorted().map { "Scenarios/" + $0 })
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: "\n").count == files.count)
  }

  @Test func listShowsTheStrategies() throws {
    let result = try tokensim(["list", "strategies"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("naive"))
  }
}

/// `--strategy-file` and `--param` through the built executable.
@Suite(.serialized) struct StrategyOptionTests {
  @Test func aStrategyFileAndParamsReachTheReport() throws {
    try withTemporaryDirectory { directory in
      let file = directory + "/our-cli.json"
      try #"{"name": "our-cli", "base": "reread-from-disk", "parameters": {"requestTimeout": "10s"}}"#
        .write(toFile: file, atomically: true, encoding: .utf8)
      let out = directory + "/out"
      let result = try tokensim([
        "run", "Scenarios/quiet-day.json", "--strategy-file", file, "--param", "maxRetries=2", "--out", out,
      ])
      #expect(result.status == 0)
      let report = try String(contentsOfFile: out + "/report.json", encoding: .utf8)
      #expect(report.contains(#""name" : "our-cli+maxRetries=2""#), "a --param on top of a file shows in the name")
      #expect(report.contains(#""base" : "reread-from-disk""#))
      #expect(FileManager.default.fileExists(atPath: out + "/index.html"))
      #expect(report.contains(#""requestTimeout" : "10s""#))
      #expect(report.contains(#""maxRetries" : "2""#))
    }
  }

  @Test func aBadStrategyFileExits2WithItsLineAndWritesNothing() throws {
    try withTemporaryDirectory { directory in
      let file = directory + "/bad.json"
      try "{\"base\": \"naive\",\n \"parameters\": {\"backoff\": \"exponental\"}}".write(
        toFile: file, atomically: true, encoding: .utf8)
      let out = directory + "/out"
      let result = try tokensim(["run", "Scenarios/quiet-day.json", "--strategy-file", file, "--out", out])
      #expect(result.status == 2)
      #expect(result.stderr.contains("bad.json:2: $.parameters.backoff"))
      #expect(result.stderr.contains(#"did you mean "exponential"?"#))
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }

  @Test func listVerboseDocumentsEveryParameter() throws {
    let result = try tokensim(["list", "strategies", "--verbose"])
    #expect(result.status == 0)
    let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for entry in StrategyCatalog.all {
      #expect(words.contains("\(entry.name): \(entry.summary)"), "wrapped, but every word there")
    }
    for name in ["leaseDuration", "brokerFallback", "lockWait", "minAttemptInterval", "recoveryInterval", "retryBudget"] {
      #expect(result.stdout.contains("  \(name) "))
    }
  }
}

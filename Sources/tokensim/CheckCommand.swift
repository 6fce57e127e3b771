import Foundation
import TokenSimKit

/// `tokensim check`: the release gate.
struct CheckCommand: Command {
  static let baseline = CommandOption.value(
    "baseline", "DIR",
    help: "reports of an earlier run to compare the metrics with (DIR/<scenario>/<strategy>/report.json); "
      + "a scenario without a report there fails the gate unless --allow-new")
  static let allowNew = CommandOption.flag(
    "allow-new", help: "with --baseline: a scenario the baseline has no report for passes (new scenarios expected)")
  static let recordBaseline = CommandOption.value(
    "record-baseline", "DIR",
    help: "after the runs, write each run's report.json into DIR/<scenario>/<strategy>/: the baseline later checks compare with")
  static let tolerance = CommandOption.repeated(
    "tolerance", "METRIC=VALUE",
    help: "how much a metric may get worse than the baseline: a percentage of the baseline (tokenRequests=20%) "
      + "or an absolute amount (availability=0.01). Defaults: 10% for counts and durations, 0 for reuse, "
      + "revocations, violations, lost work and store damage, 0.005 for availability")
  static let junit = CommandOption.value(
    "junit", "FILE", help: "also write JUnit XML: a testsuite per scenario, a testcase per check")
  static let out = CommandOption.value(
    "out", "DIR", help: "where each run's reports go", default: .value("\(DefaultOutput.root)/check"))
  static let jobs = CommandOption.value(
    "jobs", "N", help: "runs at once; the output is the same for any N", default: .computed("the number of cores"))

  static let spec = CommandSpec(
    name: "check", brief: "check SCENARIO_OR_DIR... --strategy NAME",
    summary: "the release gate: exit 1 when a check fails or a metric regressed",
    synopsis: """
      SCENARIO_OR_DIR... (--strategy NAME | --strategy-file FILE) [--param NAME=VALUE]...
      [--baseline DIR [--allow-new]] [--tolerance METRIC=VALUE]... [--record-baseline DIR]
      [--junit FILE] [--out DIR] [--jobs N]
      """,
    discussion: """
      The release gate. Runs every scenario with one strategy, judges every conformance check
      (see `tokensim list checks`) and, with --baseline, compares the metrics with the reports in
      DIR/<scenario>/<strategy>/report.json. Prints Markdown fit for a CI job summary.

      A baseline is recorded with --record-baseline DIR (the same command, once, on the release
      you trust) and kept under version control. A scenario the baseline has no report for (a new
      scenario, or a strategy whose name changed) fails the gate unless --allow-new says new
      scenarios are expected. Every output path is checked before anything runs.
      """,
    options: StrategyOptions.all + [baseline, allowNew, tolerance, recordBaseline, junit, out, jobs],
    exitStatus: """
      Exit status: 0 when every check passes and nothing regressed; 1 when a check fails or cannot
      decide (unknown), a metric regressed beyond its tolerance, or the baseline has no report for
      a scenario (without --allow-new); 2 when an input or an output path is wrong (nothing runs).
      With --record-baseline the baseline is written whatever the exit status.
      """)

  let scenarios: [Scenario]
  let strategy: StrategyChoice
  let tolerances: [MetricTolerance]
  let baseline: String?
  let allowsNew: Bool
  let recordTo: String?
  let junit: String?
  let out: String
  let jobs: Int

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard !arguments.positional.isEmpty else {
      throw Self.spec.usageError("check needs at least one scenario file or directory")
    }
    scenarios = try CommandFailure.exit2 { () throws(SuiteError) in try ScenarioInputs.load(arguments.positional) }
    Warnings.print(scenarios)
    strategy = try StrategyOptions.choice(arguments, scenarios: scenarios)
    tolerances = try Self.tolerances(arguments.values(Self.tolerance))
    baseline = try arguments.value(Self.baseline).map(Self.checkDirectory)
    allowsNew = arguments.isGiven(Self.allowNew)
    guard baseline != nil || !allowsNew else {
      throw CommandFailure(status: 2, message: "--allow-new goes with --baseline DIR: without a baseline nothing is new")
    }
    jobs = try OptionValues.jobs(arguments.value(Self.jobs))
    junit = arguments.value(Self.junit)
    out = arguments.value(Self.out) ?? "\(DefaultOutput.root)/check"
    recordTo = arguments.value(Self.recordBaseline)
    try OutputPath.directory(out, option: "--out")
    if let junit { try OutputPath.file(junit, option: "--junit") }
    if let recordTo { try OutputPath.directory(recordTo, option: "--record-baseline") }
  }

  func run() throws(CommandFailure) {
    let progress = Progress(total: scenarios.count)
    defer { progress.clear() }
    let matrix = MatrixRun(scenarios: scenarios, strategies: [strategy])
    let entries = try CommandFailure.exit2 { () throws(SuiteError) in
      try matrix.run(out: out, jobs: jobs, progress: { progress.finished($0) }).map(\.entry)
    }
    progress.clear()
    let outcomes = try baseline.map { directory throws(CommandFailure) in
      try Self.compare(entries, baseline: directory, tolerances: tolerances)
    }
    if let junit { try Self.writeJUnit(entries, baseline: outcomes ?? [:], allowsNew: allowsNew, to: junit) }
    if let recordTo { try BaselineRecord.write(entries, from: out, to: recordTo) }
    let gate = CheckSummary(
      entries: entries, strategy: strategy, baseline: baseline, allowsNew: allowsNew, outcomes: outcomes, out: out,
      recorded: recordTo)
    print(gate.markdown, terminator: "")
    if !gate.passed { throw CommandFailure(status: 1, message: gate.failureLine) }
  }

  static func tolerances(_ texts: [String]) throws(CommandFailure) -> [MetricTolerance] {
    var tolerances = MetricTolerance.defaults
    for text in texts {
      switch MetricTolerance.parse(text) {
      case .success(let tolerance): tolerances[tolerances.firstIndex { $0.metric == tolerance.metric }!] = tolerance
      case .failure(let error): throw CommandFailure(status: 2, message: error.message)
      }
    }
    return tolerances
  }

  static func checkDirectory(_ path: String) throws(CommandFailure) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw CommandFailure(status: 2, message: "--baseline \(path): no such directory")
    }
    return path
  }

  /// What the baseline said of each scenario.
  static func compare(
    _ entries: [MatrixEntry], baseline: String, tolerances: [MetricTolerance]
  ) throws(CommandFailure) -> [String: BaselineOutcome] {
    var result: [String: BaselineOutcome] = [:]
    for entry in entries {
      let path = "\(baseline)/\(entry.directory)/report.json"
      guard let data = FileManager.default.contents(atPath: path) else {
        result[entry.scenario] = .noReport
        continue
      }
      guard let regressions = BaselineComparison.regressions(entry.metrics, baseline: data, tolerances: tolerances) else {
        throw CommandFailure(status: 2, message: "\(path) is not a tokensim report.json")
      }
      result[entry.scenario] = .compared(regressions)
    }
    return result
  }

  static func writeJUnit(
    _ entries: [MatrixEntry], baseline: [String: BaselineOutcome], allowsNew: Bool, to path: String
  ) throws(CommandFailure) {
    let suites = entries.map { entry in
      var cases = entry.cases
      var testCase = JUnitReport.Case(className: "\(entry.scenario).\(entry.strategy)", name: "baseline")
      switch baseline[entry.scenario] {
      case nil: return (name: entry.scenario, cases: cases)
      case .noReport:
        if allowsNew {
          testCase.skipped = "no baseline report; new scenarios allowed (--allow-new)"
        } else {
          testCase.failure = ("missing-baseline", "the baseline has no report for this scenario and strategy", entry.directory)
        }
      case .compared(let list) where !list.isEmpty:
        testCase.failure = ("regression", "\(list.count) metric(s) regressed", list.map(\.description).joined(separator: "\n"))
      case .compared: break
      }
      cases.append(testCase)
      return (name: entry.scenario, cases: cases)
    }
    let xml = JUnitReport.xml(suites, configuration: entries.first?.configuration)
    do { try FileOutput.write(xml, to: path) } catch {
      throw CommandFailure(status: 2, message: "cannot write \(path): \(error.localizedDescription)")
    }
  }
}

/// What comparing one scenario's run with the baseline found.
enum BaselineOutcome {
  /// The baseline has no report for this scenario and strategy.
  case noReport
  /// Compared: the metrics that regressed (none when it held).
  case compared([BaselineComparison.Regression])

  /// The regressions found; none when there was nothing to compare with.
  var regressions: [BaselineComparison.Regression] {
    if case .compared(let list) = self { return list }
    return []
  }
}

import Foundation
import TokenSimKit

/// `tokensim check`: the release gate.
enum CheckCommand {
  static let help = """
    Usage: tokensim check SCENARIO_OR_DIR... (--strategy NAME | --strategy-file FILE) [--param NAME=VALUE]...
                          [--baseline DIR] [--tolerance METRIC=VALUE]... [--junit FILE] [--out DIR] [--jobs N]

    The release gate. Runs every scenario with one strategy, judges every conformance check
    (see `tokensim list checks`) and, with --baseline, compares the metrics with the reports in
    DIR/<scenario>/<strategy>/report.json. Prints Markdown fit for a CI job summary.

    Options:
      --strategy NAME            a built-in strategy (see `tokensim list strategies`)
      --strategy-file FILE       a strategy file (a base strategy with parameter overrides)
      --param NAME=VALUE         override one parameter; repeatable
      --baseline DIR             reports of an earlier run to compare the metrics with
      --tolerance METRIC=VALUE   how much a metric may get worse than the baseline: a percentage
                                 of the baseline (tokenRequests=20%) or an absolute amount
                                 (availability=0.01); repeatable. Defaults: 10% for counts and
                                 durations, 0 for reuse, revocations, violations, lost work and
                                 store damage, 0.005 for availability
      --junit FILE               also write JUnit XML: a testsuite per scenario, a testcase per check
      --out DIR                  where each run's reports go (default: Reports/check)
      --jobs N                   runs at once (default: the number of cores); the output is the same for any N

    Exit status: 0 when every check passes and nothing regressed; 1 when a check fails or cannot
    decide (unknown), or a metric regressed beyond its tolerance; 2 when an input is wrong.
    """

  static func main(_ words: [String]) throws(CommandFailure) {
    let arguments = try parse(
      words, valued: ["strategy", "strategy-file", "param", "baseline", "tolerance", "junit", "out", "jobs"], flags: ["help"],
      help: help)
    guard !arguments.positional.isEmpty else {
      throw CommandFailure(status: 2, message: "check needs at least one scenario file or directory\n\n\(help)")
    }
    let choice = try RunCommand.strategyChoice(arguments)
    let tolerances = try self.tolerances(arguments.options["tolerance"] ?? [])
    let baseline = try arguments.value("baseline").map(checkDirectory)
    let jobs = try Jobs.parse(arguments.value("jobs"))
    let scenarios = try ScenarioInputs.load(arguments.positional)
    let out = arguments.value("out") ?? "Reports/check"
    let entries = try MatrixRun.run(scenarios, strategies: [choice], out: out, jobs: jobs).map(\.entry)
    let outcomes = try baseline.map { directory throws(CommandFailure) in
      try compare(entries, baseline: directory, tolerances: tolerances)
    }
    if let junit = arguments.value("junit") { try writeJUnit(entries, baseline: outcomes ?? [:], to: junit) }
    let gate = CheckSummary(entries: entries, strategy: choice, baseline: baseline, outcomes: outcomes, out: out)
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

  static func writeJUnit(_ entries: [MatrixEntry], baseline: [String: BaselineOutcome], to path: String) throws(CommandFailure) {
    let suites = entries.map { entry in
      var cases = entry.cases
      if case .compared(let list) = baseline[entry.scenario] {
        var baseline = JUnitReport.Case(className: "\(entry.scenario).\(entry.strategy)", name: "baseline")
        if !list.isEmpty {
          baseline.failure = ("regression", "\(list.count) metric(s) regressed", list.map(\.description).joined(separator: "\n"))
        }
        cases.append(baseline)
      }
      return (name: entry.scenario, cases: cases)
    }
    do { try FileOutput.write(JUnitReport.xml(suites), to: path) } catch {
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

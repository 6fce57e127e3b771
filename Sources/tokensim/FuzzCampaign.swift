import Foundation
import TokenSimKit

/// The parent side of `tokensim fuzz`: draws scenarios from `ScenarioSpace`, runs each under
/// every built-in strategy in child processes, `jobs` scenarios at a time, and keeps each
/// finding's scenario file and replay command in the output directory.
final class FuzzCampaign: @unchecked Sendable {
  struct Settings {
    var seed: UInt64
    /// How many scenarios, or nil to draw until `deadline`.
    var runs: Int?
    var deadline: Date?
    var jobs: Int
    var directory: String
    var eventBudget: Int
    var maxMemory: Int
    var invariants: InvariantChecking
    var timeout: Double
    /// The most processes at once a drawn scenario has (`ScenarioSpace.draw`).
    var population: Int
  }

  let settings: Settings
  let child: ChildProcess
  let strategies = StrategyCatalog.all.map(\.name)
  private let lock = NSLock()
  private var nextIndex = 0
  private(set) var scenarios = 0
  private(set) var runs = 0
  private(set) var findings: [FuzzFinding] = []
  private(set) var stops: [String: Int] = [:]
  private let progress: (FuzzCampaign) -> Void

  init(settings: Settings, progress: @escaping (FuzzCampaign) -> Void) {
    self.settings = settings
    self.progress = progress
    child = ChildProcess(
      executable: ChildProcess.currentExecutable, workDirectory: settings.directory + "/.running", timeout: settings.timeout)
  }

  /// Scenarios one batch child is given: few enough that the work spreads over the jobs and
  /// Ctrl-C or `--time` stop soon, enough that process starts cost little.
  static let scenariosPerBatch = 4

  /// Runs every scenario, `jobs` at once; findings come back in (index, strategy) order.
  func run() throws(CommandFailure) {
    do {
      try FileManager.default.createDirectory(atPath: child.workDirectory, withIntermediateDirectories: true)
    } catch {
      throw CommandFailure(status: 2, message: "cannot create \(child.workDirectory): \(error.localizedDescription)")
    }
    defer { try? FileManager.default.removeItem(atPath: child.workDirectory) }
    DispatchQueue.concurrentPerform(iterations: settings.jobs) { _ in
      while let indices = take() { runScenarios(indices) }
    }
    findings.sort { ($0.index, $0.strategy) < ($1.index, $1.strategy) }
  }

  /// The next scenario indices, or nil when the runs are done, the time is up or Ctrl-C was
  /// pressed (the summary covers the scenarios that ran to the end).
  private func take() -> Range<Int>? {
    lock.withLock {
      if Interrupt.shared.requested { return nil }
      if let deadline = settings.deadline, Date() >= deadline { return nil }
      let end = min(nextIndex + Self.scenariosPerBatch, settings.runs ?? Int.max)
      guard end > nextIndex else { return nil }
      defer { nextIndex = end }
      return nextIndex..<end
    }
  }

  /// What became of one case in a batch child: its outcome line, or the child's report when the
  /// child ended (trapped, aborted, hung, failed) before printing one.
  private enum BatchResult {
    case finished(FuzzCaseOutcome)
    case ended(ChildProcess.Report)
  }

  /// Runs the scenarios' cases in batch children, a new child after each case that ended one,
  /// then judges each case and counts each scenario whose every case ran.
  private func runScenarios(_ indices: Range<Int>) {
    let results = batchResults(first: caseNumbers(indices.lowerBound).lowerBound, end: caseNumbers(indices.upperBound).lowerBound)
    for index in indices {
      let numbers = caseNumbers(index)
      guard numbers.allSatisfy({ results[$0] != nil }) else { continue }
      var scenario = DrawnScenario(seed: settings.seed, index: index, population: settings.population)
      let work = "\(child.workDirectory)/\(scenario.name).json"
      defer { try? FileManager.default.removeItem(atPath: work) }
      var found: [FuzzFinding] = []
      var reasons: [String] = []
      for number in numbers {
        let (finding, reason) = judge(results[number]!, work: work, scenario: &scenario, strategy: number - numbers.lowerBound)
        if let reason { reasons.append(reason) }
        if var finding {
          finding.file = "\(settings.directory)/\(scenario.name).json"
          found.append(finding)
        }
      }
      if !found.isEmpty { scenario.write(to: "\(settings.directory)/\(scenario.name).json") }
      lock.withLock {
        scenarios += 1
        runs += strategies.count
        findings += found
        for reason in reasons { stops[reason, default: 0] += 1 }
      }
      progress(self)
    }
  }

  /// The numbers of scenario `index`'s cases: one per strategy, in the strategies' order (the
  /// numbering `fuzz --batch` takes).
  private func caseNumbers(_ index: Int) -> Range<Int> { (index * strategies.count)..<((index + 1) * strategies.count) }

  /// Cases `first ..< end` through as many batch children as it takes: each child runs from the
  /// first case not yet done; the case it ended on without an outcome is kept with its report.
  private func batchResults(first: Int, end: Int) -> [Int: BatchResult] {
    var results: [Int: BatchResult] = [:]
    var next = first
    while next < end {
      let report = child.run(batchArguments(first: next, count: end - next), label: "batch-\(settings.seed)-\(next)")
      for line in report.stdout.split(separator: "\n") {
        guard let outcome = FuzzCaseOutcome(line: line), outcome.number == next else { continue }
        results[next] = .finished(outcome)
        next += 1
      }
      if next == end || report.ending == .interrupted { break }
      results[next] = .ended(ChildProcess.Report(ending: report.ending, stdout: "", stderr: report.stderr))
      next += 1
    }
    return results
  }

  /// A finding for one case, and how its run stopped. A batch child's slowdown, a memory-limit
  /// stop of a run that began with much held already, and a case that ended its child, are run
  /// again alone in a fresh child (what the replay command does), so that nothing an earlier case
  /// left in the batch child is blamed on it; a case that fails only in a batch is still
  /// reported, saying so.
  private func judge(_ result: BatchResult, work: String, scenario: inout DrawnScenario, strategy: Int) -> (
    FuzzFinding?, String?
  ) {
    let found: (FuzzFinding.Kind, String)?
    var reason: String?
    switch result {
    case .finished(let outcome):
      reason = outcome.stopReason
      found = FuzzFinding.classify(outcome)
    case .ended(let report):
      found = FuzzFinding.classify(report)
    }
    guard let (kind, detail) = found else { return (nil, reason) }
    let name = strategies[strategy]
    if kind == .memoryLimit, case .finished(let outcome) = result,
      (outcome.startResidentBytes ?? settings.maxMemory) < settings.maxMemory / 4
    {
      // The run began in a child holding little: the memory it reached is its own.
      return (finding(kind, detail, scenario: scenario, strategy: name), reason)
    }
    scenario.write(to: work)
    var (finding, alone) = runCase(work, scenario: scenario, strategy: name)
    if finding == nil, case .ended = result {
      finding = self.finding(kind, "in a batch child only: " + detail, scenario: scenario, strategy: name)
    }
    return (finding, reason ?? alone)
  }

  private func finding(_ kind: FuzzFinding.Kind, _ detail: String, scenario: DrawnScenario, strategy: String) -> FuzzFinding {
    FuzzFinding(
      kind: kind, seed: settings.seed, index: scenario.index, strategy: strategy, detail: detail, file: "",
      replay: (["tokensim"]
        + caseArguments(file: "\(settings.directory)/\(scenario.name).json", strategy: strategy, invariants: settings.invariants))
        .joined(separator: " "))
  }

  private func batchArguments(first: Int, count: Int) -> [String] {
    ["fuzz", "--seed", String(settings.seed), "--batch", "\(first):\(count)", "--population", String(settings.population)]
      + runArguments(invariants: settings.invariants)
  }

  /// What every child run shares: the event budget, the memory limit and when invariants are checked.
  private func runArguments(invariants: InvariantChecking) -> [String] {
    [
      "--event-budget", String(settings.eventBudget), "--max-memory", String(settings.maxMemory), "--check-invariants",
      invariants.rawValue,
    ]
  }

  /// One case; a slowdown counts only when a second run of the case shows it too (a busy
  /// machine can slow one run).
  private func runCase(_ file: String, scenario: DrawnScenario, strategy: String) -> (FuzzFinding?, String?) {
    let label = "\(scenario.name)-\(strategy)"
    let report = child.run(caseArguments(file: file, strategy: strategy, invariants: settings.invariants), label: label)
    if report.ending == .interrupted { return (nil, nil) }
    var kind = FuzzFinding.classify(report)
    if kind?.0 == .slowdown {
      // Checking invariants after every event costs more as requests pile up: the second run,
      // which confirms a slowdown, checks only at the end, so that it measures the model.
      let again = child.run(caseArguments(file: file, strategy: strategy, invariants: .atEnd), label: label)
      if let confirmed = FuzzFinding.classify(again), confirmed.0 == .slowdown { kind = confirmed } else { kind = nil }
    }
    let reason = FuzzCaseOutcome(stdout: report.stdout)?.stopReason
    guard let (kind, detail) = kind else { return (nil, reason) }
    return (finding(kind, detail, scenario: scenario, strategy: strategy), reason)
  }

  private func caseArguments(file: String, strategy: String, invariants: InvariantChecking) -> [String] {
    ["fuzz", "--case", file, "--strategy", strategy] + runArguments(invariants: invariants)
  }

  /// Findings of each kind.
  func count(_ kind: FuzzFinding.Kind) -> Int { lock.withLock { findings.filter { $0.kind == kind }.count } }
}

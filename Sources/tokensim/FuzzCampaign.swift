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
  }

  let settings: Settings
  let child: FuzzChild
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
    child = FuzzChild(
      executable: FuzzChild.currentExecutable, workDirectory: settings.directory + "/.running", timeout: settings.timeout)
  }

  /// Runs every scenario, `jobs` at once; findings come back in (index, strategy) order.
  func run() throws(CommandFailure) {
    do {
      try FileManager.default.createDirectory(atPath: child.workDirectory, withIntermediateDirectories: true)
    } catch {
      throw CommandFailure(status: 2, message: "cannot create \(child.workDirectory): \(error.localizedDescription)")
    }
    defer { try? FileManager.default.removeItem(atPath: child.workDirectory) }
    DispatchQueue.concurrentPerform(iterations: settings.jobs) { _ in
      while let index = take() { runScenario(index) }
    }
    findings.sort { ($0.index, $0.strategy) < ($1.index, $1.strategy) }
  }

  /// The next scenario index, or nil when the runs are done, the time is up or Ctrl-C was
  /// pressed (the scenarios under way finish, and the summary covers what ran).
  private func take() -> Int? {
    lock.withLock {
      if Interrupt.shared.requested { return nil }
      if let runs = settings.runs, nextIndex >= runs { return nil }
      if let deadline = settings.deadline, Date() >= deadline { return nil }
      nextIndex += 1
      return nextIndex - 1
    }
  }

  private func runScenario(_ index: Int) {
    let text = ScenarioSpace.draw(seed: settings.seed, index: index)
    let name = "case-\(settings.seed)-\(index)"
    let work = "\(child.workDirectory)/\(name).json"
    _ = FileManager.default.createFile(atPath: work, contents: Data(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: work) }
    var found: [FuzzFinding] = []
    var reasons: [String] = []
    for strategy in strategies {
      let (finding, reason) = runCase(work, name: name, index: index, strategy: strategy)
      if let reason { reasons.append(reason) }
      if var finding {
        finding.file = "\(settings.directory)/\(name).json"
        found.append(finding)
      }
    }
    if !found.isEmpty {
      _ = FileManager.default.createFile(atPath: "\(settings.directory)/\(name).json", contents: Data(text.utf8))
    }
    lock.withLock {
      scenarios += 1
      runs += strategies.count
      findings += found
      for reason in reasons { stops[reason, default: 0] += 1 }
    }
    progress(self)
  }

  /// One case; a slowdown counts only when a second run of the case shows it too (a busy
  /// machine can slow one run).
  private func runCase(_ file: String, name: String, index: Int, strategy: String) -> (FuzzFinding?, String?) {
    let arguments = caseArguments(file: file, strategy: strategy, invariants: settings.invariants)
    let report = child.run(arguments, label: "\(name)-\(strategy)")
    var kind = FuzzFinding.classify(report)
    if kind?.0 == .slowdown {
      // Checking invariants after every event costs more as requests pile up: the second run,
      // which confirms a slowdown, checks only at the end, so that it measures the model.
      let again = child.run(caseArguments(file: file, strategy: strategy, invariants: .atEnd), label: "\(name)-\(strategy)")
      if let confirmed = FuzzFinding.classify(again), confirmed.0 == .slowdown { kind = confirmed } else { kind = nil }
    }
    let reason = FuzzCaseOutcome(stdout: report.stdout)?.stopReason
    guard let (kind, detail) = kind else { return (nil, reason) }
    let replay =
      (["tokensim"]
      + caseArguments(file: "\(settings.directory)/\(name).json", strategy: strategy, invariants: settings.invariants))
      .joined(separator: " ")
    return (
      FuzzFinding(
        kind: kind, seed: settings.seed, index: index, strategy: strategy, detail: detail, file: "", replay: replay),
      reason
    )
  }

  private func caseArguments(file: String, strategy: String, invariants: InvariantChecking) -> [String] {
    [
      "fuzz", "--case", file, "--strategy", strategy, "--event-budget", String(settings.eventBudget), "--max-memory",
      String(settings.maxMemory), "--check-invariants", invariants.rawValue,
    ]
  }

  /// Findings of each kind.
  func count(_ kind: FuzzFinding.Kind) -> Int { lock.withLock { findings.filter { $0.kind == kind }.count } }
}

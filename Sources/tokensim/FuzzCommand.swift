import Foundation
import TokenSimKit

/// `tokensim fuzz [--runs N | --time T] [--seed S] [--jobs N] [--out DIR] [--event-budget N]`,
/// and the child side, `tokensim fuzz --case FILE --strategy NAME`.
struct FuzzCommand: Command {
  static let runs = CommandOption.value(
    "runs", "N", help: "draw N scenarios, each run under every built-in strategy", default: .computed("100"))
  static let time = CommandOption.value("time", "T", help: "draw scenarios until T has passed (\"10m\"), instead of --runs")
  static let seed = CommandOption.value("seed", "S", help: "the seed scenarios are drawn under", default: .value("1"))
  static let jobs = CommandOption.value("jobs", "N", help: "scenarios at once", default: .computed("the number of cores"))
  static let out = CommandOption.value(
    "out", "DIR", help: "where findings' scenario files and fuzz.json go", default: .value("\(DefaultOutput.root)/fuzz"))
  static let eventBudget = CommandOption.value(
    "event-budget", "N", help: "the most events of one run (the scenario's own budget when smaller)",
    default: .value("100000"))
  static let maxMemory = CommandOption.value(
    "max-memory", "SIZE", help: "stop a run whose process holds more than SIZE (4GiB, 512MiB)", default: .value("2GiB"))
  static let timeout = CommandOption.value(
    "timeout", "SECONDS", help: "kill a case still running after this long and report it as a timeout",
    default: .value("120"))
  static let population = CommandOption.value(
    "population", "N",
    help: "draw scenarios of about N processes at once at most (fewer copies and counts, the same values otherwise)",
    default: .value(String(ScenarioSpace.largestPopulation)))
  static let caseFile = CommandOption.value(
    "case", "FILE", help: "run one case, as the fuzzer's child processes do: FILE under --strategy")
  static let strategy = CommandOption.value("strategy", "NAME", help: "with --case: the built-in strategy")
  static let batch = CommandOption.value(
    "batch", "FIRST:COUNT",
    help: "run COUNT cases of the campaign under --seed from case FIRST (with S built-in strategies, case N is "
      + "draw N / S under strategy N % S), a line each, as the fuzzer's children do")
  static let checkInvariants = CommandOption.value(
    "check-invariants", "WHEN",
    help: "end (every invariant once at the end of each run) or every-event (also what each event touched, "
      + "in any build; slower in proportion to the token requests in flight)", default: .value("every-event"))

  static let spec = CommandSpec(
    name: "fuzz", brief: "fuzz [--runs N | --time T]",
    summary: "run drawn scenarios under every strategy and report crashes, broken invariants, slowdowns",
    synopsis: """
      [--runs N | --time T] [--seed S] [--jobs N] [--out DIR] [--event-budget N] [--max-memory SIZE]
      [--check-invariants end|every-event] [--timeout SECONDS] [--population N]
      --case FILE --strategy NAME [--event-budget N] [--max-memory SIZE] [--check-invariants end|every-event]
      --seed S --batch FIRST:COUNT [--population N] [--event-budget N] [--max-memory SIZE] [--check-invariants end|every-event]
      """,
    discussion: """
      Draws valid scenarios from the whole documented schema, extremes included (docs/FUZZ.md
      describes the space), and runs each under every built-in strategy with a small event
      budget, in a child process of its own with invariants checked after every event. Reports
      every trap, abort, invariant failure, memory-limit stop, hang, and run whose events per
      second fell by more than half between its first and last tenth (seen twice). Ctrl-C lets
      the scenarios under way finish and writes the summary of what ran. Each
      finding's scenario is written into DIR with the command that replays it; DIR/fuzz.json
      holds the summary and every finding. Scenario (seed, index) is always the same scenario.

      With --case, runs one case here and prints its outcome as a line of JSON: how a finding is
      replayed. With --batch, runs a stretch of the campaign's cases here, a line each: what the
      fuzzer's children do.
      """,
    options: [
      runs, time, seed, jobs, out, eventBudget, maxMemory, timeout, population, caseFile, strategy, batch, checkInvariants,
    ],
    exitStatus: """
      Exit status: 0 when no case trapped, aborted, broke an invariant, timed out or failed
      otherwise (memory-limit stops and slowdowns are reported, not failures), 1 when one did, 2
      when the options are wrong.
      """)

  enum Mode {
    case campaign(FuzzCampaign.Settings)
    case single(file: String, strategy: String, eventBudget: Int, maxMemory: Int, invariants: InvariantChecking)
    case batch(
      seed: UInt64, first: Int, count: Int, population: Int, eventBudget: Int, maxMemory: Int,
      invariants: InvariantChecking)
  }

  private(set) var mode: Mode

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard arguments.positional.isEmpty else {
      throw Self.spec.usageError("fuzz takes no file (given \(arguments.positional.joined(separator: " ")))")
    }
    let budget = try Self.eventBudget(arguments.value(Self.eventBudget))
    let memory = try Self.memory(arguments.value(Self.maxMemory))
    let invariants = try Self.invariants(arguments.value(Self.checkInvariants))
    let population = try Self.population(arguments.value(Self.population))
    if let file = arguments.value(Self.caseFile) {
      guard let strategy = arguments.value(Self.strategy) else {
        throw CommandFailure(status: 2, message: "--case needs --strategy NAME (a built-in strategy)")
      }
      mode = .single(
        file: file, strategy: strategy, eventBudget: budget, maxMemory: memory,
        invariants: invariants)
      return
    }
    if let batch = arguments.value(Self.batch) {
      let (first, count) = try Self.batch(batch)
      mode = .batch(
        seed: try OptionValues.seed(arguments.value(Self.seed)) ?? 1, first: first, count: count,
        population: population, eventBudget: budget, maxMemory: memory, invariants: invariants)
      return
    }
    if arguments.isGiven(Self.strategy) {
      throw CommandFailure(status: 2, message: "--strategy goes with --case FILE (the fuzzer runs every built-in strategy)")
    }
    let directory = arguments.value(Self.out)!
    try OutputPath.directory(directory, option: "--out")
    mode = .campaign(
      FuzzCampaign.Settings(
        seed: try OptionValues.seed(arguments.value(Self.seed)) ?? 1, runs: nil, deadline: nil,
        jobs: try OptionValues.jobs(arguments.value(Self.jobs)), directory: directory, eventBudget: budget,
        maxMemory: memory, invariants: invariants, timeout: try Self.timeout(arguments.value(Self.timeout)),
        population: population))
    try limit(arguments)
  }

  /// `--runs` or `--time`, not both; `--runs 100` when neither.
  private mutating func limit(_ arguments: ParsedArguments) throws(CommandFailure) {
    guard case .campaign(var settings) = mode else { return }
    switch (arguments.value(Self.runs), arguments.value(Self.time)) {
    case (.some, .some): throw CommandFailure(status: 2, message: "give --runs or --time, not both")
    case (let runs?, nil):
      guard let count = Int(runs), (1...10_000_000).contains(count) else {
        throw CommandFailure(status: 2, message: "--runs wants a whole number from 1 to 10000000, not \"\(runs)\"")
      }
      settings.runs = count
    case (nil, let time?):
      guard let span = DurationText.parse(time), span > .zero else {
        throw CommandFailure(status: 2, message: "--time wants a duration such as 30s, 10m or 2h, not \"\(time)\"")
      }
      settings.deadline = Date().addingTimeInterval(span.seconds)
    case (nil, nil): settings.runs = 100
    }
    mode = .campaign(settings)
  }

  private static func eventBudget(_ text: String?) throws(CommandFailure) -> Int {
    guard let text, let budget = Int(text), (1_000...2_000_000_000).contains(budget) else {
      throw CommandFailure(
        status: 2, message: "--event-budget wants a whole number from 1000 to 2000000000, not \"\(text ?? "")\"")
    }
    return budget
  }

  private static func batch(_ text: String) throws(CommandFailure) -> (Int, Int) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let first = Int(parts[0]), let count = Int(parts[1]), first >= 0, count >= 1,
      first <= Int(Int32.max), count <= Int(Int32.max)
    else {
      throw CommandFailure(status: 2, message: "--batch wants FIRST:COUNT, two whole numbers such as 0:32, not \"\(text)\"")
    }
    return (first, count)
  }

  private static func population(_ text: String?) throws(CommandFailure) -> Int {
    guard let text, let count = Int(text), (1...ScenarioSpace.largestPopulation).contains(count) else {
      throw CommandFailure(
        status: 2,
        message: "--population wants a whole number from 1 to \(ScenarioSpace.largestPopulation), not \"\(text ?? "")\"")
    }
    return count
  }

  private static func timeout(_ text: String?) throws(CommandFailure) -> Double {
    guard let text, let seconds = Double(text), seconds >= 1, seconds <= 86_400 else {
      throw CommandFailure(status: 2, message: "--timeout wants seconds from 1 to 86400, not \"\(text ?? "")\"")
    }
    return seconds
  }

  private static func invariants(_ text: String?) throws(CommandFailure) -> InvariantChecking {
    guard let text, let value = InvariantChecking(rawValue: text), value != .never else {
      throw CommandFailure(status: 2, message: "--check-invariants wants end or every-event, not \"\(text ?? "")\"")
    }
    return value
  }

  static func memory(_ text: String?) throws(CommandFailure) -> Int {
    guard let text, let bytes = MemorySize.parse(text) else {
      throw CommandFailure(
        status: 2, message: "--max-memory wants a size such as 4GiB, 512MiB or a number of bytes, not \"\(text ?? "")\"")
    }
    return bytes
  }

  func run() throws(CommandFailure) {
    switch mode {
    case .single(let file, let strategy, let budget, let memory, let check):
      try FuzzCase.run(file: file, strategy: strategy, eventBudget: budget, maxMemory: memory, invariants: check)
    case .batch(let seed, let first, let count, let population, let budget, let memory, let check):
      try FuzzCase.runBatch(
        seed: seed, first: first, count: count, population: population, eventBudget: budget, maxMemory: memory,
        invariants: check)
    case .campaign(let settings):
      Interrupt.shared.install()
      let started = Date()
      let progress = Progress(total: settings.runs ?? 0)
      let campaign = FuzzCampaign(settings: settings) { campaign in
        progress.finished("\(campaign.scenarios) scenarios, \(campaign.runs) runs, \(campaign.findings.count) findings")
      }
      try campaign.run()
      progress.clear()
      let summary = FuzzSummary(campaign: campaign, wallSeconds: Date().timeIntervalSince(started))
      try summary.write()
      print(summary.text)
      let failed = campaign.findings.filter(\.kind.failsTheCampaign).count
      if failed > 0 { throw CommandFailure(status: 1, message: "\(failed) fuzz case(s) failed") }
    }
  }
}

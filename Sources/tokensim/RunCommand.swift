import Dispatch
import TokenSimKit

/// `tokensim run SCENARIO.json --strategy NAME [--seed N | --seeds LIST] [--out DIR] [--trace]`
struct RunCommand: Command {
  static let seed = CommandOption.value(
    "seed", "N", help: "root seed, 0 to 4294967295", default: .computed("the scenario's seed"))
  static let seeds = CommandOption.value(
    "seeds", "LIST", help: "several root seeds, such as 1-8 or 1,5,9-12 (at most 10000)")
  static let jobs = CommandOption.value(
    "jobs", "N", help: "with --seeds: runs at once", default: .computed("the number of cores"))
  static let out = CommandOption.value(
    "out", "DIR", help: "where to write the reports", default: .computed("\(DefaultOutput.root)/<scenario>/<strategy>"))
  static let trace = CommandOption.flag("trace", help: "also write trace.jsonl, one event per line in time order")
  static let maxMemory = CommandOption.value(
    "max-memory", "SIZE",
    help: "stop the run, as the event budget does, once the process holds more than SIZE (4GiB, 512MiB, bytes)",
    default: .value("4GiB"))

  static let spec = CommandSpec(
    name: "run", brief: "run SCENARIO.json --strategy NAME",
    summary: "run one scenario with one strategy and write its reports",
    synopsis: """
      SCENARIO.json (--strategy NAME | --strategy-file FILE) [--param NAME=VALUE]...
      [--seed N | --seeds LIST [--jobs N]] [--out DIR] [--trace] [--max-memory SIZE]
      """,
    discussion: """
      Runs one scenario with one client strategy on virtual time, prints the verdict and a short
      summary, and writes into DIR: report.json, report.md, junit.xml, timeline.svg and
      index.html (and trace.jsonl with --trace).

      With --seeds, runs once per seed, --jobs at a time, writes each into DIR/seed-N/, prints
      one line per seed and writes the same table as DIR/seeds.json and DIR/seeds.md (the same
      bytes for any --jobs).

      A run that takes more than two seconds shows its progress on stderr when it is a
      terminal. A run stops early, writing the reports of what ran, when the process holds more
      than --max-memory (stopped: memory-limit) or on Ctrl-C (stopped: interrupted).
      """,
    options: StrategyOptions.all + [seed, seeds, jobs, out, trace, maxMemory],
    exitStatus: """
      Exit status: 0 after a run whatever its verdict (use `tokensim check` to gate on it), 2 when
      the scenario or the options are wrong (nothing is written), 130 when Ctrl-C stopped it
      (after writing the reports of what ran).
      """)

  let scenario: Scenario
  let strategy: StrategyChoice
  let seed: UInt64?
  let seeds: [UInt64]?
  let jobs: Int
  let directory: String
  let trace: Bool
  let maxMemory: Int

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard arguments.positional.count == 1 else {
      throw Self.spec.usageError("run takes exactly one scenario file (given \(arguments.positional.count))")
    }
    seed = try OptionValues.seed(arguments.value(Self.seed))
    seeds = try OptionValues.seeds(arguments.value(Self.seeds))
    jobs = try OptionValues.jobs(arguments.value(Self.jobs))
    guard seed == nil || seeds == nil else { throw CommandFailure(status: 2, message: "give --seed or --seeds, not both") }
    guard seeds != nil || !arguments.isGiven(Self.jobs) else {
      throw CommandFailure(status: 2, message: "--jobs goes with --seeds: one run has nothing to run in parallel")
    }
    scenario = try CommandFailure.exit2 { () throws(SuiteError) in try ScenarioInputs.load(file: arguments.positional[0]) }
    Warnings.print([scenario])
    strategy = try StrategyOptions.choice(arguments, scenarios: [scenario])
    directory = arguments.value(Self.out) ?? "\(DefaultOutput.root)/\(scenario.name)/\(strategy.name)"
    try OutputPath.directory(directory, option: "--out")
    trace = arguments.isGiven(Self.trace)
    maxMemory = try FuzzCommand.memory(arguments.value(Self.maxMemory))
  }

  func run() throws(CommandFailure) {
    if let seeds { return try sweep(seeds) }
    Interrupt.shared.install()
    let watch = RunWatch(maxMemory: maxMemory)
    let (result, wall) = try CommandFailure.exit2 { () throws(SuiteError) in
      defer { watch.clear() }
      return try SingleRun.run(
        scenario, strategy: strategy, seed: seed, to: directory, trace: trace, monitor: watch.monitor,
        clock: { DispatchTime.now().uptimeNanoseconds })
    }
    print(RunSummary.text(result, wallSeconds: wall ?? 0, directory: directory, trace: trace))
    if result.stopReason == .interrupted {
      throw CommandFailure(status: 130, message: "interrupted; the reports of what ran are in \(directory)/")
    }
  }

  private func sweep(_ seeds: [UInt64]) throws(CommandFailure) {
    let progress = Progress(total: seeds.count)
    defer { progress.clear() }
    let outcomes = try CommandFailure.exit2 { () throws(SuiteError) in
      let outcomes = try SeedSweep.run(
        scenario, strategy: strategy, seeds: seeds, directory: directory, trace: trace, jobs: jobs,
        progress: { progress.finished($0) })
      try SeedSummary.write(outcomes, scenario: scenario, strategy: strategy, to: directory)
      return outcomes
    }
    progress.clear()
    print(SeedTable.text(outcomes, scenario: scenario, strategy: strategy, directory: directory))
  }
}

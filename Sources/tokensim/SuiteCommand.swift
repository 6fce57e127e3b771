import Foundation
import TokenSimKit

/// `tokensim suite [DIR]`: every scenario of a directory against every built-in strategy.
struct SuiteCommand: Command {
  static let timings = CommandOption.value(
    "timings", "FILE|-",
    help: "also write where the time went (wall time, and each stage's time summed over the runs) to FILE, or print it")

  static let spec = CommandSpec(
    name: "suite", brief: "suite [DIR]",
    summary: "compare every scenario in DIR (default Scenarios) with every strategy",
    synopsis: """
      [DIR] [--strategy a,b,c|all] [--strategy-file FILE]... [--param NAME=VALUE]...
      [--out DIR] [--jobs N] [--shard I/N] [--timings FILE|-]
      """,
    discussion: """
      Runs every scenario file (*.json) directly in DIR (default: Scenarios) against every built-in
      strategy and each scenario's own variants (or only the strategies, strategy files and
      variants --strategy names), prints the comparison matrix, and compares every run with its
      scenario's `expect` section: the verdict, the failing checks and the metric bounds each
      strategy must get. A scenario's `expect` section must name every built-in strategy and
      variant that runs (or the suite exits 2 before running, naming what is missing); a strategy
      file or a strategy with --param has no expectations and is not judged by them.

      Writes each run's reports under --out, and the matrix as compare.json, compare.md and
      index.html there (`make run` and `make reports` give --out Reports). The output and every
      report are the same bytes for any --jobs.

      --shard I/N runs only the I-th of N slices (runs I, I+N, … of the matrix) and writes its
      runs' reports and shard.json; `tokensim merge` combines the N directories into the reports
      one run would have written, and exits 1 if a run did not come out as expected.

      --timings writes to FILE (`-`: prints after the matrix) the wall time of running and writing
      the matrix and each stage's time summed over the runs (on every thread): simulation (with
      the trace measured as it goes and the checks judged), rendering each report format, writing
      the run directories, and the matrix files. The reports are the same with or without it.
      """,
    options: MatrixOptions.all + [timings],
    exitStatus: """
      Exit status: 0 when every run came out as expected (or nothing is expected), 1 when one did
      not, 2 when a scenario or an option is wrong (nothing is run).
      """)

  let matrix: MatrixRun
  let shard: Shard?
  let out: String
  let jobs: Int
  let timings: String?

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard arguments.positional.count <= 1 else {
      throw Self.spec.usageError("suite takes at most one directory (given \(arguments.positional.count))")
    }
    jobs = try OptionValues.jobs(arguments.value(MatrixOptions.jobs))
    timings = arguments.value(Self.timings)
    shard = try OptionValues.shard(arguments.value(MatrixOptions.shard))
    let scenarios = try CommandFailure.exit2 { () throws(SuiteError) in
      try ScenarioInputs.load([arguments.positional.first ?? "Scenarios"])
    }
    Warnings.print(scenarios)
    matrix = try MatrixOptions.matrix(arguments, scenarios: scenarios, suite: true)
    let missing = matrix.missingExpectations
    guard missing.isEmpty else {
      throw CommandFailure(
        status: 2,
        message: missing.joined(separator: "\n")
          + "\nadd the missing expectations, or run only the strategies expected (--strategy a,b)")
    }
    out = arguments.value(MatrixOptions.out) ?? DefaultOutput.root
    try OutputPath.directory(out, option: "--out")
    if let timings, timings != "-" { try OutputPath.file(timings, option: "--timings") }
  }

  func run() throws(CommandFailure) {
    let clock: @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }
    let times = timings == nil ? nil : StageTimes(clock: clock)
    let started = clock()
    let entries = try MatrixOptions.run(matrix, shard: shard, out: out, jobs: jobs, times: times)
    if let times, let timings {
      let table = StageTimeTable.text(times, wallSeconds: Double(clock() - started) / 1e9, jobs: jobs)
      if timings == "-" {
        print("\n" + table)
      } else {
        do { try FileOutput.write(table + "\n", to: timings) } catch {
          throw CommandFailure(status: 2, message: "--timings: cannot write \(timings): \(error.localizedDescription)")
        }
      }
    }
    if entries.contains(where: \.isUnexpected) {
      throw CommandFailure(status: 1, message: "some runs did not come out as their scenarios expect (listed above)")
    }
  }
}

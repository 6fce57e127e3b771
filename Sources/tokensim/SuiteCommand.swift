import TokenSimKit

/// `tokensim suite [DIR]`: every scenario of a directory against every built-in strategy.
struct SuiteCommand: Command {
  static let spec = CommandSpec(
    name: "suite", brief: "suite [DIR]",
    summary: "compare every scenario in DIR (default Scenarios) with every strategy",
    synopsis: "[DIR] [--strategy a,b,c|all] [--out DIR] [--jobs N] [--shard I/N]",
    discussion: """
      Runs every scenario file (*.json) directly in DIR (default: Scenarios) against every built-in
      strategy (or those named) and against each scenario's own variants, prints the comparison
      matrix, and compares every run with its scenario's `expect` section: the verdict, the
      failing checks and the metric bounds each strategy must get.

      Writes each run's reports under --out, and the matrix as compare.json, compare.md and
      index.html there (`make run` and `make reports` give --out Reports). The output and every
      report are the same bytes for any --jobs.

      --shard I/N runs only the I-th of N slices (runs I, I+N, … of the matrix) and writes its
      runs' reports and shard.json; `tokensim merge` combines the N directories into the reports
      one run would have written, and exits 1 if a run did not come out as expected.
      """,
    options: MatrixOptions.all,
    exitStatus: """
      Exit status: 0 when every run came out as expected (or nothing is expected), 1 when one did
      not, 2 when a scenario or an option is wrong (nothing is run).
      """)

  let matrix: MatrixRun
  let shard: Shard?
  let out: String
  let jobs: Int

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard arguments.positional.count <= 1 else {
      throw Self.spec.usageError("suite takes at most one directory (given \(arguments.positional.count))")
    }
    let strategies = try OptionValues.strategies(arguments.value(MatrixOptions.strategies))
    jobs = try OptionValues.jobs(arguments.value(MatrixOptions.jobs))
    shard = try OptionValues.shard(arguments.value(MatrixOptions.shard))
    let scenarios = try CommandFailure.exit2 { () throws(SuiteError) in
      try ScenarioInputs.load([arguments.positional.first ?? "Scenarios"])
    }
    matrix = MatrixRun(scenarios: scenarios, strategies: strategies, suite: true)
    out = arguments.value(MatrixOptions.out) ?? DefaultOutput.root
  }

  func run() throws(CommandFailure) {
    let entries = try MatrixOptions.run(matrix, shard: shard, out: out, jobs: jobs)
    if entries.contains(where: \.isUnexpected) {
      throw CommandFailure(status: 1, message: "some runs did not come out as their scenarios expect (listed above)")
    }
  }
}

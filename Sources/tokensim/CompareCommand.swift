import TokenSimKit

/// `tokensim compare SCENARIO_OR_DIR... [--strategy a,b,c|all] [--out DIR] [--jobs N] [--shard I/N]`
struct CompareCommand: Command {
  static let spec = CommandSpec(
    name: "compare", brief: "compare SCENARIO_OR_DIR...",
    summary: "run scenarios × strategies and print the verdict matrix",
    synopsis: "SCENARIO_OR_DIR... [--strategy a,b,c|all] [--out DIR] [--jobs N] [--shard I/N]",
    discussion: """
      Runs every scenario (a file, or every *.json directly in a directory) with every strategy
      named (default: all built-in ones) and prints the matrix: a row per scenario, a column per
      strategy, each cell the verdict and its most telling figure (availability when it passes,
      else the first failing check and its observed value). Failing checks follow with evidence.

      Writes each run's reports under DIR/<scenario>/<strategy>/ and the matrix as
      DIR/compare.json, DIR/compare.md and DIR/compare.html.

      --jobs N runs N simulations at once; the output and every report are the same bytes for
      any N.

      --shard I/N runs only the I-th of N slices of the matrix (runs I, I+N, I+2N, … in scenario
      then strategy order) and writes its runs' reports and DIR/shard.json instead of the matrix;
      `tokensim merge DIR1 DIR2 … --out DIR` then writes what one run would have written.
      """,
    options: MatrixOptions.all,
    exitStatus: "Exit status: 0 after the runs whatever the verdicts, 2 when an input is wrong (nothing is run).")

  let matrix: MatrixRun
  let shard: Shard?
  let out: String
  let jobs: Int

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard !arguments.positional.isEmpty else {
      throw Self.spec.usageError("compare needs at least one scenario file or directory")
    }
    let strategies = try OptionValues.strategies(arguments.value(MatrixOptions.strategies))
    jobs = try OptionValues.jobs(arguments.value(MatrixOptions.jobs))
    shard = try OptionValues.shard(arguments.value(MatrixOptions.shard))
    let scenarios = try CommandFailure.exit2 { () throws(SuiteError) in try ScenarioInputs.load(arguments.positional) }
    matrix = MatrixRun(scenarios: scenarios, strategies: strategies)
    out = arguments.value(MatrixOptions.out) ?? DefaultOutput.root
  }

  func run() throws(CommandFailure) {
    _ = try MatrixOptions.run(matrix, shard: shard, out: out, jobs: jobs)
  }
}

import TokenSimKit

/// `tokensim compare SCENARIO_OR_DIR... [--strategy a,b,c|all] [--out DIR] [--jobs N] [--shard I/N]`
struct CompareCommand: Command {
  static let spec = CommandSpec(
    name: "compare", brief: "compare SCENARIO_OR_DIR...",
    summary: "run scenarios × strategies and print the verdict matrix",
    synopsis: """
      SCENARIO_OR_DIR... [--strategy a,b,c|all] [--strategy-file FILE]... [--param NAME=VALUE]...
      [--out DIR] [--jobs N] [--shard I/N]
      """,
    discussion: """
      Runs every scenario (a file, or every *.json directly in a directory) with every strategy
      named (default: all built-in ones) and prints the matrix: a row per scenario, a column per
      strategy, each cell the verdict and its most telling figure (availability when it passes,
      else the first failing check and its observed value). Failing checks follow with evidence.

      Your own configuration runs beside the built-in ones: --strategy naive,./ours.json (or
      --strategy-file ours.json) adds a strategy file's column, named by its "name"; --param
      changes every strategy of the matrix, each then named NAME+PARAM=VALUE,...; a scenario's
      variant runs by name (--strategy naive,seed-004-needs-login) and is listed under the
      matrix. The reports show each configured strategy's parameters that differ from its base.

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
    jobs = try OptionValues.jobs(arguments.value(MatrixOptions.jobs))
    shard = try OptionValues.shard(arguments.value(MatrixOptions.shard))
    let scenarios = try CommandFailure.exit2 { () throws(SuiteError) in try ScenarioInputs.load(arguments.positional) }
    Warnings.print(scenarios)
    matrix = try MatrixOptions.matrix(arguments, scenarios: scenarios, suite: false)
    out = arguments.value(MatrixOptions.out) ?? DefaultOutput.root
    try OutputPath.directory(out, option: "--out")
  }

  func run() throws(CommandFailure) {
    _ = try MatrixOptions.run(matrix, shard: shard, out: out, jobs: jobs)
  }
}

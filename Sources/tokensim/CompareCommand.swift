import TokenSimKit

/// `tokensim compare SCENARIO_OR_DIR... [--strategy a,b,c|all] [--out DIR]`
enum CompareCommand {
  static let help = """
    Usage: tokensim compare SCENARIO_OR_DIR... [--strategy a,b,c|all] [--out DIR] [--jobs N] [--shard I/N]

    Runs every scenario (a file, or every *.json directly in a directory) with every strategy
    named (default: all built-in ones) and prints the matrix: a row per scenario, a column per
    strategy, each cell the verdict and its most telling figure (availability when it passes,
    else the first failing check and its observed value). Failing checks follow with evidence.

    Writes each run's reports under DIR/<scenario>/<strategy>/ and the matrix as
    DIR/compare.json, DIR/compare.md and DIR/compare.html (default DIR: Reports).

    --jobs N runs N simulations at once (default: the number of cores); the output and every
    report are the same bytes for any N.

    --shard I/N runs only the I-th of N slices of the matrix (runs I, I+N, I+2N, … in scenario
    then strategy order) and writes its runs' reports and DIR/shard.json instead of the matrix;
    `tokensim merge DIR1 DIR2 … --out DIR` then writes what one run would have written.

    Exit status: 0 after the runs whatever the verdicts, 2 when an input is wrong (nothing is run).
    """

  static func main(_ words: [String]) throws(CommandFailure) {
    let arguments = try parse(words, valued: ["strategy", "out", "jobs", "shard"], flags: ["help"], help: help)
    guard !arguments.positional.isEmpty else {
      throw CommandFailure(status: 2, message: "compare needs at least one scenario file or directory\n\n\(help)")
    }
    try run(
      arguments.positional, strategies: arguments.value("strategy"), out: arguments.value("out") ?? "Reports",
      jobs: try Jobs.parse(arguments.value("jobs")), shard: try Shard.parse(arguments.value("shard")))
  }

  /// Runs the matrix (or one shard of it), writes it and prints it; the suite also runs each
  /// scenario's variants, names its page index.html and lists its failing checks in compare.md
  /// instead of printing them.
  @discardableResult
  static func run(
    _ inputs: [String], strategies list: String?, out: String, jobs: Int, suite: Bool = false, shard: Shard? = nil
  ) throws(CommandFailure)
    -> [MatrixEntry]
  {
    let strategies = try MatrixRun.strategies(list)
    let scenarios = try ScenarioInputs.load(inputs)
    let placed = try MatrixRun.run(scenarios, strategies: strategies, variants: suite, shard: shard, out: out, jobs: jobs)
    let entries = placed.map(\.entry)
    guard let shard else {
      try publish(entries, out: out, suite: suite)
      return entries
    }
    let runs = MatrixRun.runs(scenarios, strategies: strategies, variants: suite).map { "\($0.name)/\($1.name)" }
    try ShardFile(
      shard: shard.number, of: shard.count, suite: suite, runs: runs, entries: placed.map { .init(index: $0, entry: $1) }
    ).write(to: out)
    print(MatrixRun.text(entries, listingProblemsIn: suite ? "the merged compare.md" : nil))
    print(
      "\nshard \(shard.number) of \(shard.count): \(entries.count) of \(runs.count) runs, reports under \(out)/; "
        + "combine the shards with tokensim merge")
    return entries
  }

  /// Writes the matrix files and prints the matrix.
  static func publish(_ entries: [MatrixEntry], out: String, suite: Bool) throws(CommandFailure) {
    let page = suite ? "index.html" : "compare.html"
    try MatrixRun.writeMatrix(entries, to: out, page: page)
    print(MatrixRun.text(entries, listingProblemsIn: suite ? "\(out)/compare.md" : nil))
    print("\nreports under \(out)/<scenario>/<strategy>/; the matrix in \(out)/\(page), compare.md and compare.json")
  }
}

import TokenSimKit

/// `tokensim compare SCENARIO_OR_DIR... [--strategy a,b,c|all] [--out DIR]`
enum CompareCommand {
  static let help = """
    Usage: tokensim compare SCENARIO_OR_DIR... [--strategy a,b,c|all] [--out DIR] [--jobs N]

    Runs every scenario (a file, or every *.json directly in a directory) with every strategy
    named (default: all built-in ones) and prints the matrix: a row per scenario, a column per
    strategy, each cell the verdict and its most telling figure (availability when it passes,
    else the first failing check and its observed value). Failing checks follow with evidence.

    Writes each run's reports under DIR/<scenario>/<strategy>/ and the matrix as
    DIR/compare.json, DIR/compare.md and DIR/compare.html (default DIR: Reports).

    --jobs N runs N simulations at once (default: the number of cores); the output and every
    report are the same bytes for any N.

    Exit status: 0 after the runs whatever the verdicts, 2 when an input is wrong (nothing is run).
    """

  static func main(_ words: [String]) throws(CommandFailure) {
    let arguments = try parse(words, valued: ["strategy", "out", "jobs"], flags: ["help"], help: help)
    guard !arguments.positional.isEmpty else {
      throw CommandFailure(status: 2, message: "compare needs at least one scenario file or directory\n\n\(help)")
    }
    try run(
      arguments.positional, strategies: arguments.value("strategy"), out: arguments.value("out") ?? "Reports",
      jobs: try Jobs.parse(arguments.value("jobs")))
  }

  /// Runs the matrix, writes it and prints it; the suite also runs each scenario's variants,
  /// names its page index.html and lists its failing checks in compare.md instead of printing them.
  @discardableResult
  static func run(
    _ inputs: [String], strategies list: String?, out: String, jobs: Int, suite: Bool = false
  ) throws(CommandFailure)
    -> [MatrixEntry]
  {
    let strategies = try MatrixRun.strategies(list)
    let scenarios = try ScenarioInputs.load(inputs)
    let entries = try MatrixRun.run(scenarios, strategies: strategies, variants: suite, out: out, jobs: jobs)
    let page = suite ? "index.html" : "compare.html"
    try MatrixRun.writeMatrix(entries, to: out, page: page)
    print(MatrixRun.text(entries, listingProblemsIn: suite ? "\(out)/compare.md" : nil))
    print("\nreports under \(out)/<scenario>/<strategy>/; the matrix in \(out)/\(page), compare.md and compare.json")
    return entries
  }
}

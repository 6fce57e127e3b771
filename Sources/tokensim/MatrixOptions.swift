import TokenSimKit

/// The options `compare` and `suite` share, and how both run their matrix and print it.
enum MatrixOptions {
  static let strategies = CommandOption.value(
    "strategy", "a,b,c|all",
    help: "the strategies to run: built-in ones, `all` of them, strategy files (*.json) and variants of the "
      + "scenarios by name", default: .value("all"))
  static let strategyFiles = CommandOption.repeated(
    "strategy-file", "FILE", help: "also run the strategy of this strategy file, beside those of --strategy")
  static let param = CommandOption.repeated(
    "param", "NAME=VALUE",
    help: "override one parameter of every strategy of --strategy and --strategy-file (not of a scenario's variants), "
      + "each then reported as NAME+PARAM=VALUE,...")
  static let out = CommandOption.value(
    "out", "DIR", help: "where the reports and the matrix go", default: .value(DefaultOutput.root))
  static let jobs = CommandOption.value(
    "jobs", "N", help: "runs at once; the output is the same for any N", default: .computed("the number of cores"))
  static let shard = CommandOption.value(
    "shard", "I/N", help: "run only the I-th of N slices of the matrix and write its shard.json (see `tokensim merge`)")

  /// The options, in help order.
  static let all = [strategies, strategyFiles, param, out, jobs, shard]

  /// The matrix the options choose over `scenarios`: the strategies named by `--strategy` and
  /// `--strategy-file` with the `--param` overrides, and the variants named (for a suite,
  /// `all` includes every variant).
  static func matrix(_ arguments: ParsedArguments, scenarios: [Scenario], suite: Bool) throws(CommandFailure) -> MatrixRun {
    var choices: [StrategyChoice] = []
    var variants: [String] = []
    var everyVariant = false
    for item in (arguments.value(strategies) ?? "all").split(separator: ",", omittingEmptySubsequences: false) {
      guard item != "all" else {
        choices += StrategyCatalog.all.map(StrategyChoice.init)
        everyVariant = suite
        continue
      }
      switch try StrategyName.resolve(String(item), scenarios: scenarios, option: "--strategy") {
      case .choice(let choice): choices.append(choice)
      case .variant(let variant): variants.append(variant.name)
      }
    }
    for file in arguments.values(strategyFiles) { choices.append(try StrategyName.file(file)) }
    try applyParams(arguments.values(param), to: &choices, variants: variants)
    try refuseRepeatedNames(choices.map(\.name) + variants)
    return MatrixRun(
      scenarios: scenarios, strategies: choices, suite: suite, variants: everyVariant ? .all : .named(variants))
  }

  private static func applyParams(
    _ params: [String], to choices: inout [StrategyChoice], variants: [String]
  ) throws(CommandFailure) {
    guard !params.isEmpty else { return }
    if let variant = variants.first {
      throw CommandFailure(
        status: 2,
        message: "--param does not apply to a scenario's variant (\(variant)), which keeps its own parameters; "
          + "write the variant as a strategy file to change them")
    }
    for index in choices.indices {
      do throws(CommandFailure) { try StrategyOptions.apply(params, to: &choices[index]) } catch {
        throw CommandFailure(
          status: 2, message: "--param applies to every strategy run; \(choices[index].name): \(error.message)")
      }
    }
  }

  private static func refuseRepeatedNames(_ names: [String]) throws(CommandFailure) {
    guard let repeated = names.first(where: { name in names.count { $0 == name } > 1 }) else { return }
    throw CommandFailure(
      status: 2,
      message: "the strategy \"\(repeated)\" is given twice; each strategy of a matrix needs a name of its own "
        + "(a strategy file's \"name\")")
  }

  /// Runs the matrix (or one shard of it), writes it into `out` and prints it; returns its entries.
  static func run(
    _ matrix: MatrixRun, shard: Shard?, out: String, jobs: Int, times: StageTimes? = nil
  ) throws(CommandFailure) -> [MatrixEntry] {
    let progress = Progress(total: shard.map { shard in matrix.runs.indices.count { shard.contains($0) } } ?? matrix.runs.count)
    defer { progress.clear() }
    let entries = try CommandFailure.exit2 { () throws(SuiteError) in
      try matrix.runAndPublish(shard: shard, out: out, jobs: jobs, times: times, progress: { progress.finished($0) })
    }
    progress.clear()
    if let shard {
      print(MatrixText.shard(entries, shard: shard, of: matrix.runs.count, out: out, suite: matrix.suite))
    } else {
      print(MatrixText.published(entries, out: out, suite: matrix.suite))
    }
    return entries
  }
}

import TokenSimKit

/// The options `compare` and `suite` share, and how both run their matrix and print it.
enum MatrixOptions {
  static let strategies = CommandOption.value(
    "strategy", "a,b,c|all", help: "the built-in strategies to run", default: .value("all"))
  static let out = CommandOption.value(
    "out", "DIR", help: "where the reports and the matrix go", default: .value(DefaultOutput.root))
  static let jobs = CommandOption.value(
    "jobs", "N", help: "runs at once; the output is the same for any N", default: .computed("the number of cores"))
  static let shard = CommandOption.value(
    "shard", "I/N", help: "run only the I-th of N slices of the matrix and write its shard.json (see `tokensim merge`)")

  /// The four options, in help order.
  static let all = [strategies, out, jobs, shard]

  /// Runs the matrix (or one shard of it), writes it into `out` and prints it; returns its entries.
  static func run(_ matrix: MatrixRun, shard: Shard?, out: String, jobs: Int) throws(CommandFailure) -> [MatrixEntry] {
    let progress = Progress(total: shard.map { shard in matrix.runs.indices.count { shard.contains($0) } } ?? matrix.runs.count)
    defer { progress.clear() }
    let entries = try CommandFailure.exit2 { () throws(SuiteError) in
      try matrix.runAndPublish(shard: shard, out: out, jobs: jobs, progress: { progress.finished($0) })
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

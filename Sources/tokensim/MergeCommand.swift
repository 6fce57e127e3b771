import TokenSimKit

/// `tokensim merge DIR... [--out DIR]`: the shards of one matrix combined into what one run writes.
struct MergeCommand: Command {
  static let out = CommandOption.value(
    "out", "DIR", help: "where the merged reports and matrix go", default: .value(DefaultOutput.root))

  static let spec = CommandSpec(
    name: "merge", brief: "merge SHARD_DIR...",
    summary: "combine the outputs of compare/suite --shard I/N into one report",
    synopsis: "SHARD_DIR... [--out DIR]",
    discussion: """
      Combines the output directories of `compare --shard I/N` or `suite --shard I/N` runs (one per
      shard, all N of them, from the same scenarios and strategies) into DIR: every run's reports
      are copied there and the matrix (compare.json, compare.md and compare.html, or index.html
      for a suite) is written as one unsharded run would have written it, byte for byte. The
      matrix is printed as that run prints it.
      """,
    options: [out],
    exitStatus: """
      Exit status: 0 when merged (for a suite: and every run came out as expected), 1 when a suite
      run did not come out as its scenario expects, 2 when a shard is missing, repeated or from
      another matrix, or a file cannot be read or written (then no matrix file is written).
      """)

  let directories: [String]
  let out: String

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard !arguments.positional.isEmpty else {
      throw Self.spec.usageError("merge needs the output directory of every shard")
    }
    directories = arguments.positional
    out = arguments.value(Self.out) ?? DefaultOutput.root
  }

  func run() throws(CommandFailure) {
    let merged = try CommandFailure.exit2 { () throws(SuiteError) in try ShardMerge.merge(directories, into: out) }
    print(MatrixText.published(merged.entries, out: out, suite: merged.suite))
    if merged.suite, merged.entries.contains(where: \.isUnexpected) {
      throw CommandFailure(status: 1, message: "some runs did not come out as their scenarios expect (listed above)")
    }
  }
}

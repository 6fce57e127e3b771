import Foundation
import TokenSimKit

/// `tokensim merge DIR... [--out DIR]`: the shards of one matrix combined into what one run writes.
enum MergeCommand {
  static let help = """
    Usage: tokensim merge SHARD_DIR... [--out DIR]

    Combines the output directories of `compare --shard I/N` or `suite --shard I/N` runs (one per
    shard, all N of them, from the same scenarios and strategies) into DIR (default: Reports):
    every run's reports are copied there and the matrix (compare.json, compare.md and
    compare.html, or index.html for a suite) is written as one unsharded run would have written
    it, byte for byte. The matrix is printed as that run prints it.

    Exit status: 0 when merged (for a suite: and every run came out as expected), 1 when a suite
    run did not come out as its scenario expects, 2 when a shard is missing, repeated or from
    another matrix, or a file cannot be read or written (then no matrix file is written).
    """

  static func main(_ words: [String]) throws(CommandFailure) {
    let arguments = try parse(words, valued: ["out"], flags: ["help"], help: help)
    guard !arguments.positional.isEmpty else {
      throw CommandFailure(status: 2, message: "merge needs the output directory of every shard\n\n\(help)")
    }
    let out = arguments.value("out") ?? "Reports"
    let shards = try arguments.positional.map { directory throws(CommandFailure) in
      (directory, try ShardFile.read(from: directory))
    }
    let entries = try combined(shards.map(\.1), directories: shards.map(\.0))
    for (directory, shard) in shards { try copyRuns(of: shard, from: directory, to: out) }
    let suite = shards[0].1.suite
    try CompareCommand.publish(entries, out: out, suite: suite)
    if suite, entries.contains(where: \.isUnexpected) {
      throw CommandFailure(status: 1, message: "some runs did not come out as their scenarios expect (listed above)")
    }
  }

  /// The entries of all shards in matrix order, once each shard of one matrix is there exactly once.
  static func combined(_ shards: [ShardFile], directories: [String]) throws(CommandFailure) -> [MatrixEntry] {
    let first = shards[0]
    for (shard, directory) in zip(shards, directories)
    where shard.runs != first.runs || shard.of != first.of || shard.suite != first.suite {
      throw CommandFailure(
        status: 2, message: "\(directory) is a shard of another matrix than \(directories[0]) (other scenarios, strategies or N)")
    }
    let numbers = shards.map(\.shard)
    if let repeated = numbers.first(where: { number in numbers.count { $0 == number } > 1 }) {
      throw CommandFailure(status: 2, message: "shard \(repeated)/\(first.of) is given twice")
    }
    let missing = (1...first.of).filter { !numbers.contains($0) }
    guard missing.isEmpty else {
      let list = missing.map { "\($0)/\(first.of)" }.joined(separator: ", ")
      throw CommandFailure(status: 2, message: "shard(s) \(list) missing: merge needs all \(first.of) shards")
    }
    let placed = shards.flatMap(\.entries).sorted { $0.index < $1.index }
    guard placed.map(\.index) == Array(first.runs.indices) else {
      throw CommandFailure(status: 2, message: "the shards do not hold every run of the matrix exactly once")
    }
    return placed.map(\.entry)
  }

  /// Copies each run's report directory of `shard` into `out` (nothing to do when they are one).
  private static func copyRuns(of shard: ShardFile, from directory: String, to out: String) throws(CommandFailure) {
    let files = FileManager.default
    guard URL(fileURLWithPath: directory).standardizedFileURL != URL(fileURLWithPath: out).standardizedFileURL else { return }
    for placed in shard.entries {
      let source = "\(directory)/\(placed.entry.directory)"
      let target = "\(out)/\(placed.entry.directory)"
      do {
        try files.createDirectory(
          atPath: URL(fileURLWithPath: target).deletingLastPathComponent().path, withIntermediateDirectories: true)
        if files.fileExists(atPath: target) { try files.removeItem(atPath: target) }
        try files.copyItem(atPath: source, toPath: target)
      } catch {
        throw CommandFailure(status: 2, message: "cannot copy \(source) to \(target): \(error.localizedDescription)")
      }
    }
  }
}

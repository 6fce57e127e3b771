import Foundation

/// Combines the output directories of all N shards of one matrix into what one unsharded run
/// writes, byte for byte: every run's reports copied, and the matrix files written by the same
/// code as an unsharded run. Nothing of the matrix is written unless every shard is there once.
public enum ShardMerge {
  /// What a merge produced: every run's entry in matrix order, and whether it was a suite.
  public struct Merged: Sendable {
    /// Every run's entry, in matrix order.
    public let entries: [MatrixEntry]
    /// Whether the shards were of a suite (its page is index.html and unmet expectations fail it).
    public let suite: Bool
  }

  /// Reads the shards in `directories`, checks they are all N shards of one matrix once each,
  /// copies their runs' reports into `out` and writes the matrix files there.
  public static func merge(_ directories: [String], into out: String) throws(SuiteError) -> Merged {
    var shards: [ShardFile] = []
    for directory in directories { shards.append(try ShardFile.read(from: directory)) }
    let entries = try combined(shards, directories: directories)
    try MatrixFiles.removeEarlier(from: out, suite: shards[0].suite, shard: false)
    for (directory, shard) in zip(directories, shards) { try copyRuns(of: shard, from: directory, to: out) }
    let suite = shards[0].suite
    try MatrixFiles.write(entries, to: out, suite: suite)
    return Merged(entries: entries, suite: suite)
  }

  /// The entries of all shards in matrix order, once each shard of one matrix is there exactly
  /// once; `directories` name the shards in messages.
  public static func combined(_ shards: [ShardFile], directories: [String]) throws(SuiteError) -> [MatrixEntry] {
    guard let first = shards.first else { throw SuiteError("merge needs the output directory of every shard") }
    for (shard, directory) in zip(shards, directories)
    where shard.runs != first.runs || shard.of != first.of || shard.suite != first.suite {
      throw SuiteError(
        "\(directory) is a shard of another matrix than \(directories[0]) (other scenarios, strategies or N)")
    }
    let numbers = shards.map(\.shard)
    if let repeated = numbers.first(where: { number in numbers.count { $0 == number } > 1 }) {
      throw SuiteError("shard \(repeated)/\(first.of) is given twice")
    }
    let missing = (1...max(1, first.of)).filter { !numbers.contains($0) }
    guard missing.isEmpty else {
      let list = missing.map { "\($0)/\(first.of)" }.joined(separator: ", ")
      throw SuiteError("shard(s) \(list) missing: merge needs all \(first.of) shards")
    }
    let placed = shards.flatMap(\.entries).sorted { $0.index < $1.index }
    guard placed.map(\.index) == Array(first.runs.indices) else {
      throw SuiteError("the shards do not hold every run of the matrix exactly once")
    }
    return placed.map(\.entry)
  }

  /// Copies each run's report directory of `shard` into `out` (nothing to do when they are one),
  /// each through a staging directory, so an interrupted merge leaves whole runs only.
  private static func copyRuns(of shard: ShardFile, from directory: String, to out: String) throws(SuiteError) {
    guard URL(fileURLWithPath: directory).standardizedFileURL != URL(fileURLWithPath: out).standardizedFileURL else { return }
    for placed in shard.entries {
      try copyRun(from: "\(directory)/\(placed.entry.directory)", to: "\(out)/\(placed.entry.directory)")
    }
  }

  private static func copyRun(from source: String, to target: String) throws(SuiteError) {
    let staged = try RunFiles.stage(target)
    do {
      for file in try FileManager.default.contentsOfDirectory(atPath: source) {
        try FileManager.default.copyItem(atPath: "\(source)/\(file)", toPath: "\(staged.path)/\(file)")
      }
    } catch {
      staged.discard()
      throw SuiteError("cannot copy \(source) to \(target): \(error.localizedDescription)")
    }
    try staged.commit()
  }
}

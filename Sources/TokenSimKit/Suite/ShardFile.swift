import Foundation

/// `shard.json`, which a sharded matrix run writes beside its runs' reports: the whole matrix's
/// run list (so shards of different matrices are never merged), this shard's entries with their
/// positions, and how the merged matrix is to be written.
public struct ShardFile: Codable, Sendable {
  /// The file's name in a shard's output directory.
  public static let name = "shard.json"
  /// The format this version writes and reads.
  public static let format = "tokensim shard 1"

  /// One run's entry with its position in the whole matrix.
  public struct Placed: Codable, Sendable {
    /// The run's position in the whole matrix, from 0.
    public var index: Int
    /// What the matrix keeps of the run.
    public var entry: MatrixEntry

    /// `entry` at `index`.
    public init(index: Int, entry: MatrixEntry) {
      self.index = index
      self.entry = entry
    }
  }

  /// The format (`ShardFile.format`).
  public var format = ShardFile.format
  /// Which shard this is, from 1.
  public var shard: Int
  /// How many shards the matrix was split into.
  public var of: Int
  /// Whether this is a suite (its page is index.html and unmet expectations fail it).
  public var suite: Bool
  /// Every run of the whole matrix as `scenario/strategy`, in order.
  public var runs: [String]
  /// This shard's runs.
  public var entries: [Placed]

  /// A shard file in code.
  public init(shard: Int, of: Int, suite: Bool, runs: [String], entries: [Placed]) {
    self.shard = shard
    self.of = of
    self.suite = suite
    self.runs = runs
    self.entries = entries
  }

  /// Writes `shard.json` into `directory`.
  public func write(to directory: String) throws(SuiteError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do { try FileOutput.write(try encoder.encode(self), to: "\(directory)/\(ShardFile.name)") } catch {
      throw SuiteError("cannot write to \(directory): \(error.localizedDescription)")
    }
  }

  /// Reads the `shard.json` of `directory`.
  public static func read(from directory: String) throws(SuiteError) -> ShardFile {
    let path = "\(directory)/\(name)"
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SuiteError("\(directory) holds no \(name): give the --out directories of compare or suite runs with --shard")
    }
    guard let file = try? JSONDecoder().decode(ShardFile.self, from: data), file.format == format else {
      throw SuiteError("\(path) is not a shard file this tokensim can read")
    }
    return file
  }
}

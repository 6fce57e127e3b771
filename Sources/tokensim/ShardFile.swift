import Foundation
import TokenSimKit

/// `shard.json`, which `compare --shard` and `suite --shard` write beside their runs' reports: the
/// whole matrix's run list (so shards of different matrices are never merged), this shard's
/// entries with their positions, and how the merged matrix is to be written.
struct ShardFile: Codable {
  static let name = "shard.json"
  static let format = "tokensim shard 1"

  struct Placed: Codable {
    var index: Int
    var entry: MatrixEntry
  }

  var format = ShardFile.format
  var shard: Int
  var of: Int
  /// Whether this is a suite (its page is index.html and unmet expectations fail it).
  var suite: Bool
  /// Every run of the whole matrix as `scenario/strategy`, in order.
  var runs: [String]
  var entries: [Placed]

  func write(to directory: String) throws(CommandFailure) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do { try FileOutput.write(try encoder.encode(self), to: "\(directory)/\(ShardFile.name)") } catch {
      throw CommandFailure(status: 2, message: "cannot write to \(directory): \(error.localizedDescription)")
    }
  }

  static func read(from directory: String) throws(CommandFailure) -> ShardFile {
    let path = "\(directory)/\(name)"
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandFailure(
        status: 2, message: "\(directory) holds no \(name): give the --out directories of compare or suite runs with --shard")
    }
    guard let file = try? JSONDecoder().decode(ShardFile.self, from: data), file.format == format else {
      throw CommandFailure(status: 2, message: "\(path) is not a shard file this tokensim can read")
    }
    return file
  }
}

/// Why a runner of the suite (a matrix, a shard merge, a seed sweep) stopped: a file or directory
/// that cannot be read or written, a scenario that does not load, or shards that do not make up
/// one matrix. The message names the file or shard and says what is wrong.
public struct SuiteError: Error, Equatable, CustomStringConvertible {
  /// What went wrong, in one sentence.
  public let message: String

  /// An error with `message`.
  public init(_ message: String) { self.message = message }

  /// The message.
  public var description: String { message }
}

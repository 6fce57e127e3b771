import TokenSimKit

/// A command ending with a message and an exit status: 0 prints the message on stdout (help),
/// any other on stderr.
struct CommandFailure: Error {
  let status: Int32
  let message: String

  /// Exit status 2 with the library's message when `body` fails: an input or output problem.
  static func exit2<T>(_ body: () throws(SuiteError) -> T) throws(CommandFailure) -> T {
    do { return try body() } catch { throw CommandFailure(status: 2, message: error.message) }
  }
}

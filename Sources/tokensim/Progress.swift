import Foundation

/// Progress of a long matrix on stderr: `[3/24] shared-file-thrash × naive`, rewritten in place
/// as runs finish (from any thread). Shown only when stderr is a terminal, so logs and CI output
/// stay clean.
final class Progress: @unchecked Sendable {
  let total: Int
  private var done = 0
  private let lock = NSLock()
  private let visible = isatty(STDERR_FILENO) == 1

  init(total: Int) { self.total = total }

  /// Counts a finished run and names it.
  func finished(_ label: String) {
    guard visible else { return }
    lock.withLock {
      done += 1
      write("\r\u{1B}[K[\(done)/\(total)] \(label)")
    }
  }

  /// Clears the line at the end.
  func clear() { if visible { write("\r\u{1B}[K") } }

  private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

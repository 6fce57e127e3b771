import Foundation

/// Progress of a long matrix on stderr: `[3/24] shared-file-thrash × naive`, rewritten in place.
/// Shown only when stderr is a terminal, so logs and CI output stay clean.
struct Progress {
  let total: Int
  private(set) var done = 0
  private let visible = isatty(STDERR_FILENO) == 1

  init(total: Int) { self.total = total }

  /// Announces the run about to start.
  mutating func start(_ label: String) {
    guard visible else { return }
    write("\r\u{1B}[K[\(done + 1)/\(total)] \(label)")
  }

  /// Counts a finished run.
  mutating func finish() { done += 1 }

  /// Clears the line at the end.
  func clear() { if visible { write("\r\u{1B}[K") } }

  private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

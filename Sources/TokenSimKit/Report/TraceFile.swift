import Foundation

/// `trace.jsonl` written while the run goes, so a long run's trace never sits in memory: lines
/// are buffered and appended to a temporary file, which is renamed into place only when the run
/// and every other report are done (`commit`), and removed otherwise (`discard`).
final class TraceFile {
  private let path: String
  private let temporary: String
  private let handle: FileHandle
  private var buffer = Data()
  private var failure: Error?

  /// Opens the temporary file beside `path`.
  init(path: String) throws(SuiteError) {
    let url = URL(fileURLWithPath: path)
    self.path = path
    temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial").path
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
        throw CocoaError(.fileWriteNoPermission)
      }
      handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
    } catch {
      throw SuiteError("cannot write \(path): \(error.localizedDescription)")
    }
  }

  /// Appends one event's line; the first write error is kept and reported by `commit`.
  func append(_ event: TraceEvent) {
    buffer.append(contentsOf: TraceLine.json(event).utf8)
    buffer.append(0x0A)
    if buffer.count >= 1 << 20 { flush() }
  }

  private func flush() {
    guard failure == nil, !buffer.isEmpty else { return }
    do { try handle.write(contentsOf: buffer) } catch { failure = error }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes what is buffered and renames the file into place.
  func commit() throws(SuiteError) {
    flush()
    do {
      if let failure { throw failure }
      try handle.close()
      if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
      try FileManager.default.moveItem(atPath: temporary, toPath: path)
    } catch {
      discard()
      throw SuiteError("cannot write \(path): \(error.localizedDescription)")
    }
  }

  /// Removes the temporary file (the run failed before its reports were written).
  func discard() {
    try? handle.close()
    try? FileManager.default.removeItem(atPath: temporary)
  }
}

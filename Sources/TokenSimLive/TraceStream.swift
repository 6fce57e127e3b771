import Foundation
import Glibc
import TokenSimKit

/// `trace.jsonl` written as the live server goes: each event's line is buffered and appended to
/// the file (64 KiB at a time, and whenever the loop flushes), so a long session's trace never
/// sits in memory and `tail -f` follows it.
final class TraceStream {
  /// The file's path.
  let path: String
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var failure: String?

  /// Creates (or empties) `path`, and the directories above it.
  init(path: String) throws(LiveError) {
    self.path = path
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw LiveError("cannot write the trace to \(path): \(Socket.errorText())") }
    buffer.reserveCapacity(1 << 16)
  }

  deinit {
    flush()
    close(descriptor)
  }

  /// Appends one event's line.
  func append(_ event: TraceEvent) {
    buffer.append(contentsOf: TraceLine.json(event).utf8)
    buffer.append(0x0A)
    if buffer.count >= 1 << 16 { flush() }
  }

  /// Writes what is buffered; the first error is kept (`failure`) and later lines are dropped.
  func flush() {
    guard !buffer.isEmpty else { return }
    defer { buffer.removeAll(keepingCapacity: true) }
    guard failure == nil else { return }
    var offset = 0
    while offset < buffer.count {
      let count = buffer[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        failure = "cannot write the trace to \(path): \(Socket.errorText())"
        return
      }
      offset += count
    }
  }

  /// The first write error, if any.
  var error: String? { failure }

  /// The whole trace so far (flushed first).
  func contents() -> [UInt8] {
    flush()
    return (try? Array(Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
  }
}

/// One client connection of the poll loop: its descriptor, what it has sent and not yet been
/// parsed, what is still to write, and the timestamps that bound how long it may take.
final class Connection {
  /// The loop's id for it, never reused (a descriptor number is).
  let id: Int
  let descriptor: Int32
  /// Bytes read and not yet parsed (the next request, or the start of it).
  var input: [UInt8] = []
  /// Bytes to write, from `written` on.
  var output: [UInt8] = []
  var written = 0
  /// Whether an exchange is under way: the next request is not parsed until it is answered.
  var busy = false
  /// Whether the server will never answer (hang): input is read only to see the client close.
  var hung = false
  /// Whether to close once the output is written.
  var closeAfterWrite = false
  /// Whether the client closed its side (it may still read the answer: a half-close).
  var peerClosed = false
  /// Monotonic nanoseconds when the request being read started arriving; nil between requests.
  var requestStartedAt: UInt64?
  /// Monotonic nanoseconds of the last byte read or written.
  var lastActivity: UInt64

  init(id: Int, descriptor: Int32, now: UInt64) {
    self.id = id
    self.descriptor = descriptor
    lastActivity = now
  }

  /// Whether bytes wait to be written.
  var wantsWrite: Bool { written < output.count }

  /// Queues `bytes` to write.
  func enqueue(_ bytes: [UInt8]) {
    if written == output.count {
      output = bytes
      written = 0
    } else {
      output += bytes
    }
  }
}

import Foundation

/// Writes output files so that a failure never leaves a half-written one: each file is written
/// beside its destination under a temporary name and renamed into place. Missing parent
/// directories are created.
///
/// Files are written with plain `write(2)` and not synced to disk: the rename protects readers
/// from a half-written file when the process is killed, which is what matters for reports a run
/// can write again; an `fsync` per file (what `Data.write(to:)` does) made writing a suite's
/// thousand small files wait on the disk for longer than simulating them.
public enum FileOutput {
  /// Writes `data` to `path`.
  public static func write(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let parent = url.deletingLastPathComponent()
    if !FileManager.default.fileExists(atPath: parent.path) {
      try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }
    let temporary = parent.appendingPathComponent(".\(url.lastPathComponent).partial").path
    try writeWhole(data, to: temporary)
    guard rename(temporary, path) == 0 else {
      let error = POSIXError(errno)
      unlink(temporary)
      throw error
    }
  }

  /// Writes `text` as UTF-8 to `path`.
  public static func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

  /// Creates or truncates `path` and writes all of `data` to it.
  private static func writeWhole(_ data: Data, to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw POSIXError(errno) }
    defer { close(descriptor) }
    try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws in
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw POSIXError(errno)
        }
        offset += written
      }
    }
  }
}

/// `write(2)`, out of reach of `FileOutput.write`'s name.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}

extension POSIXError {
  /// The error for `errno` value `code`.
  fileprivate init(_ code: Int32) { self.init(POSIXErrorCode(rawValue: code) ?? .EIO) }
}

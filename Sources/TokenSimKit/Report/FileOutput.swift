import Foundation

/// Writes output files so that a failure never leaves a half-written one: each file is written
/// beside its destination under a temporary name and renamed into place. Missing parent
/// directories are created.
public enum FileOutput {
  /// Writes `data` to `path`.
  public static func write(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
    try data.write(to: temporary)
    if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(at: url) }
    try FileManager.default.moveItem(at: temporary, to: url)
  }

  /// Writes `text` as UTF-8 to `path`.
  public static func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }
}

import Foundation

/// Output paths checked before anything runs, so that a path that cannot be written fails at
/// once (exit 2) rather than after every simulation: each existing part of the path must be a
/// directory, the nearest existing one writable, and a file's path not a directory.
enum OutputPath {
  /// `path`, given with `option`, as a directory that exists or can be created.
  static func directory(_ path: String, option: String) throws(CommandFailure) {
    if let kind = kind(of: path) {
      guard kind == .directory else { throw failure(option, path, "\(path) is a file, not a directory") }
      guard FileManager.default.isWritableFile(atPath: path) else {
        throw failure(option, path, "the directory \(path) is not writable")
      }
      return
    }
    try creatable(parent(of: path), option: option, path: path)
  }

  /// `path`, given with `option`, as a file that can be written (its directory existing or
  /// creatable).
  static func file(_ path: String, option: String) throws(CommandFailure) {
    if kind(of: path) == .directory { throw failure(option, path, "\(path) is a directory, not a file") }
    try creatable(parent(of: path), option: option, path: path)
  }

  private enum Kind { case directory, file }

  private static func kind(of path: String) -> Kind? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
    return isDirectory.boolValue ? .directory : .file
  }

  /// The directory part of `path`: "." for a bare name, "/" for a name under the root. Plain
  /// string work: corelibs Foundation's `NSString.deletingLastPathComponent` traps on a path of
  /// one character (`--out o`).
  static func parent(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    let parent = trimmed[..<slash]
    return parent.isEmpty ? "/" : String(parent)
  }

  /// Walks up from `directory` to the first part that exists, which must be a writable directory.
  private static func creatable(_ directory: String, option: String, path: String) throws(CommandFailure) {
    var current = directory
    while kind(of: current) == nil {
      let up = parent(of: current)
      guard up != current else { return }
      current = up
    }
    guard kind(of: current) == .directory else {
      throw failure(option, path, "\(current) is a file, not a directory, so nothing can be written under it")
    }
    guard FileManager.default.isWritableFile(atPath: current) else {
      throw failure(option, path, "the directory \(current) is not writable")
    }
  }

  private static func failure(_ option: String, _ path: String, _ reason: String) -> CommandFailure {
    CommandFailure(status: 2, message: "\(option) \(path): cannot write there: \(reason); nothing was run")
  }
}

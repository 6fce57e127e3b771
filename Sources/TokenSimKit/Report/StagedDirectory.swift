import Foundation

/// An output directory written beside its destination and moved into place only when complete,
/// so that a run killed or failing while it writes never leaves its files mixed with an earlier
/// run's: a reader finds the earlier run's complete outputs or this run's, never both.
///
/// The files are written into `.NAME.partial-PID` beside the destination `NAME`. `commit` swaps
/// it in: when the destination holds only files of ours (`owned`, and their `.FILE.partial`
/// temporaries) it is replaced as a whole; otherwise (a directory of the user's given as
/// `--out`, the working directory, or a symbolic link) only the owned files in it are replaced
/// or removed, and nothing else is touched.
/// Staging directories left by a killed process are removed by the next one writing the same
/// destination.
public struct StagedDirectory: Sendable {
  /// Where the files end up.
  public let destination: String
  /// Where they are written until `commit`.
  public let path: String
  /// The names of the files this kind of directory holds, which `commit` may replace or remove.
  public let owned: [String]
  private let parent: URL
  private let name: String
  /// Whether the destination is the working directory or holds it, so it must not be moved.
  private let holdsWorkingDirectory: Bool

  /// Removes what killed processes left of earlier attempts at `destination` and creates an
  /// empty staging directory beside it.
  public init(destination: String, owned: [String]) throws(SuiteError) {
    let url = URL(fileURLWithPath: destination).standardizedFileURL
    self.destination = destination
    self.owned = owned
    parent = url.deletingLastPathComponent()
    name = url.lastPathComponent
    let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path + "/"
    holdsWorkingDirectory = working.hasPrefix(url.path.hasSuffix("/") ? url.path : url.path + "/")
    path = parent.appendingPathComponent(".\(name).partial-\(ProcessInfo.processInfo.processIdentifier)").path
    do {
      try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
      removeLeftovers()
      try? FileManager.default.removeItem(atPath: path)
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    } catch {
      throw SuiteError("cannot write to \(destination): \(error.localizedDescription)")
    }
  }

  /// Moves the staged files into place, replacing the earlier outputs.
  public func commit() throws(SuiteError) {
    do {
      if !FileManager.default.fileExists(atPath: destination) {
        try FileManager.default.moveItem(atPath: path, toPath: destination)
      } else if !holdsWorkingDirectory, holdsOnlyOwnedFiles(destination) {
        try swapWhole()
      } else {
        try replaceOwnedFiles()
      }
    } catch {
      discard()
      throw SuiteError("cannot write to \(destination): \(error.localizedDescription)")
    }
  }

  /// Removes the staging directory (the run failed before its outputs were complete).
  public func discard() { try? FileManager.default.removeItem(atPath: path) }

  private func swapWhole() throws {
    let old = parent.appendingPathComponent(".\(name).old-\(ProcessInfo.processInfo.processIdentifier)").path
    try? FileManager.default.removeItem(atPath: old)
    try FileManager.default.moveItem(atPath: destination, toPath: old)
    try FileManager.default.moveItem(atPath: path, toPath: destination)
    try FileManager.default.removeItem(atPath: old)
  }

  private func replaceOwnedFiles() throws {
    let files = FileManager.default
    for file in owned.flatMap({ [$0, ".\($0).partial"] }) {
      let target = "\(destination)/\(file)"
      if files.fileExists(atPath: target) { try files.removeItem(atPath: target) }
    }
    for file in try files.contentsOfDirectory(atPath: path) {
      try files.moveItem(atPath: "\(path)/\(file)", toPath: "\(destination)/\(file)")
    }
    try files.removeItem(atPath: path)
  }

  /// Whether `directory` is a directory (not a link to one) holding only owned files.
  private func holdsOnlyOwnedFiles(_ directory: String) -> Bool {
    guard (try? FileManager.default.destinationOfSymbolicLink(atPath: directory)) == nil,
      let contents = try? FileManager.default.contentsOfDirectory(atPath: directory)
    else { return false }
    let allowed = Set(owned.flatMap { [$0, ".\($0).partial"] })
    return contents.allSatisfy(allowed.contains)
  }

  /// Removes `.NAME.partial-PID` and `.NAME.old-PID` beside the destination whose process is
  /// gone (or is this one: it stages one attempt at a destination at a time).
  private func removeLeftovers() {
    let files = FileManager.default
    guard let siblings = try? files.contentsOfDirectory(atPath: parent.path) else { return }
    for sibling in siblings {
      guard let pid = Self.leftoverProcess(sibling, of: name), !Self.isAnotherLiveProcess(pid) else { continue }
      try? files.removeItem(at: parent.appendingPathComponent(sibling))
    }
  }

  /// The process id in `.NAME.partial-PID` or `.NAME.old-PID`; nil for any other name.
  static func leftoverProcess(_ sibling: String, of name: String) -> Int32? {
    for kind in ["partial", "old"] where sibling.hasPrefix(".\(name).\(kind)-") {
      return Int32(sibling.dropFirst(name.count + kind.count + 3))
    }
    return nil
  }

  private static func isAnotherLiveProcess(_ pid: Int32) -> Bool {
    guard pid > 0, pid != ProcessInfo.processInfo.processIdentifier else { return false }
    return kill(pid, 0) == 0 || errno == EPERM
  }
}

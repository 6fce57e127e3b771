import Foundation
import TokenSimKit

/// Writes output files so that a failure never leaves a half-written one: each file is written
/// beside its destination under a temporary name and renamed into place.
enum FileOutput {
  static func write(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
    try data.write(to: temporary)
    if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(at: url) }
    try FileManager.default.moveItem(at: temporary, to: url)
  }

  static func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }
}

/// Reads a scenario, turning its error into a message and exit status 2.
func loadScenario(_ path: String) throws(CommandFailure) -> Scenario {
  do { return try Scenario.load(path: path) } catch { throw CommandFailure(status: 2, message: error.description) }
}

/// A command ending with a message on stderr and an exit status.
struct CommandFailure: Error {
  let status: Int32
  let message: String
}

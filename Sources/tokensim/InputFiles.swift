import Foundation
import TokenSimKit

/// The files `validate` reads: a directory stands for every `*.json` directly inside it, and a
/// JSON file is a strategy file or a scenario by its keys.
enum InputFiles {
  /// `path` itself, or the `*.json` files directly in it (in name order) when it is a directory.
  static func expand(_ path: String) throws(SuiteError) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
      return [path]
    }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
      throw SuiteError("cannot read the directory \(path)")
    }
    let files = names.filter { $0.hasSuffix(".json") }.sorted().map { "\(path)/\($0)" }
    guard !files.isEmpty else { throw SuiteError("\(path): a directory with no *.json files to validate") }
    return files
  }

  /// Whether a parsed file is a strategy file: an object with "base" and without "hosts".
  static func isStrategyFile(_ value: JSONValue) -> Bool {
    guard case .object(let members) = value else { return false }
    let keys = members.map(\.key)
    return keys.contains("base") && !keys.contains("hosts")
  }
}

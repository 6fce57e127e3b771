import Foundation

/// Scenario files and directories (`SCENARIO_OR_DIR...`) as scenarios: a file is read as it is,
/// a directory gives every `*.json` directly inside it, in name order. Any bad file, or two
/// scenarios of one name, stops everything before a single run.
public enum ScenarioInputs {
  /// The scenarios of `paths`, in order.
  public static func load(_ paths: [String]) throws(SuiteError) -> [Scenario] {
    var files: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw SuiteError("\(path): no such scenario file or directory")
      }
      files += isDirectory.boolValue ? try self.files(in: path) : [path]
    }
    var scenarios: [Scenario] = []
    for file in files {
      let scenario = try load(file: file)
      if let other = scenarios.first(where: { $0.name == scenario.name }) {
        throw SuiteError("\(file): the scenario name \"\(scenario.name)\" is already used by \(other.file); names must be unique")
      }
      scenarios.append(scenario)
    }
    return scenarios
  }

  /// One scenario file, its error as a `SuiteError`.
  public static func load(file: String) throws(SuiteError) -> Scenario {
    do { return try Scenario.load(path: file) } catch { throw SuiteError(error.description) }
  }

  /// The `*.json` files directly in `directory`, in name order.
  static func files(in directory: String) throws(SuiteError) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      throw SuiteError("cannot read the directory \(directory)")
    }
    let files = names.filter { $0.hasSuffix(".json") }.sorted().map { "\(directory)/\($0)" }
    guard !files.isEmpty else { throw SuiteError("no scenario files (*.json) in \(directory)") }
    return files
  }
}

import Foundation
import TokenSimKit

/// Turns `SCENARIO_OR_DIR...` arguments into scenarios: a file is read as it is, a directory
/// gives every `*.json` directly inside it, in name order. Any bad file stops everything with
/// status 2 before a single run.
enum ScenarioInputs {
  static func load(_ arguments: [String]) throws(CommandFailure) -> [Scenario] {
    var paths: [String] = []
    for argument in arguments {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
        throw CommandFailure(status: 2, message: "\(argument): no such scenario file or directory")
      }
      paths += isDirectory.boolValue ? try files(in: argument) : [argument]
    }
    var scenarios: [Scenario] = []
    for path in paths {
      let scenario = try loadScenario(path)
      if let other = scenarios.first(where: { $0.name == scenario.name }) {
        throw CommandFailure(
          status: 2,
          message: "\(path): the scenario name \"\(scenario.name)\" is already used by \(other.file); names must be unique")
      }
      scenarios.append(scenario)
    }
    return scenarios
  }

  static func files(in directory: String) throws(CommandFailure) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      throw CommandFailure(status: 2, message: "cannot read the directory \(directory)")
    }
    let files = names.filter { $0.hasSuffix(".json") }.sorted().map { "\(directory)/\($0)" }
    guard !files.isEmpty else { throw CommandFailure(status: 2, message: "no scenario files (*.json) in \(directory)") }
    return files
  }
}

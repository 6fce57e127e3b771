import Foundation

/// Loading a JSON file (a scenario or a strategy file) into a reader whose errors name the file,
/// line and JSON path.
public enum JSONDocument {
  /// Reads the file at `path`; `what` describes it when it is missing or unreadable.
  public static func load(path: String, what: String) throws(ScenarioError) -> JSONReader {
    try parse(text(path: path, what: what), file: path)
  }

  /// The UTF-8 text of the file at `path`; `what` describes it when it is missing or unreadable.
  public static func text(path: String, what: String) throws(ScenarioError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      let exists = FileManager.default.fileExists(atPath: path)
      throw ScenarioError(
        file: path, path: "$", expected: what, found: exists ? "a file that cannot be read" : "no such file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ScenarioError(file: path, path: "$", expected: "UTF-8 text", found: "bytes that are not UTF-8")
    }
    return text
  }

  /// Parses `text`; `file` names it in errors.
  public static func parse(_ text: String, file: String) throws(ScenarioError) -> JSONReader {
    do {
      return JSONReader(root: try JSONParser.parse(text), file: file)
    } catch {
      throw ScenarioError(
        file: "\(file):\(error.line):\(error.column)", path: "$", expected: "valid JSON", found: error.message)
    }
  }
}

import TokenSimKit

/// `tokensim validate FILE...`
enum ValidateCommand {
  static let help = """
    Usage: tokensim validate SCENARIO.json...

    Checks scenario files without running them. Prints one line per file; each problem names
    the file, the line, the JSON path, what was expected and what was found.

    Exit status: 0 when every file is valid, 2 when any is not.
    """

  static func main(_ words: [String]) throws(CommandFailure) {
    let arguments = try parse(words, valued: [], flags: ["help"], help: help)
    guard !arguments.positional.isEmpty else {
      throw CommandFailure(status: 2, message: "validate needs at least one file\n\n\(help)")
    }
    var failures: [String] = []
    for path in arguments.positional {
      do {
        let scenario = try Scenario.load(path: path)
        print("ok   \(path): \(scenario.name), \(scenario.hosts.count) host(s), \(DurationText.format(scenario.duration))")
      } catch {
        failures.append(error.description)
      }
    }
    guard failures.isEmpty else { throw CommandFailure(status: 2, message: failures.joined(separator: "\n")) }
  }
}

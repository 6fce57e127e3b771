import TokenSimKit

/// `tokensim validate FILE...`
struct ValidateCommand: Command {
  static let spec = CommandSpec(
    name: "validate", brief: "validate FILE...", summary: "check scenario files without running them",
    synopsis: "SCENARIO.json...",
    discussion: """
      Checks scenario files without running them. Prints one line per file; each problem names
      the file, the line, the JSON path, what was expected and what was found.
      """,
    options: [],
    exitStatus: "Exit status: 0 when every file is valid, 2 when any is not.")

  let files: [String]

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard !arguments.positional.isEmpty else { throw Self.spec.usageError("validate needs at least one file") }
    files = arguments.positional
  }

  func run() throws(CommandFailure) {
    var failures: [String] = []
    for path in files {
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

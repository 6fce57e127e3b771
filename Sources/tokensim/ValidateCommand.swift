import TokenSimKit

/// `tokensim validate FILE_OR_DIR...`: scenario files and strategy files checked without running.
struct ValidateCommand: Command {
  static let spec = CommandSpec(
    name: "validate", brief: "validate FILE_OR_DIR...", summary: "check scenario and strategy files without running them",
    synopsis: "FILE_OR_DIR...",
    discussion: """
      Checks scenario files and strategy files without running them; a directory stands for every
      *.json directly inside it. A file whose top-level object has "base" and no "hosts" is read
      as a strategy file, any other as a scenario. Prints one line per file; each problem names
      the file, the line, the JSON path, what was expected and what was found. A fault window
      that starts at or after the end of the run, or whose "to" lies past it, is valid but
      warned about on stderr.
      """,
    options: [],
    exitStatus: "Exit status: 0 when every file is valid (warnings or not), 2 when any is not.")

  let paths: [String]

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard !arguments.positional.isEmpty else { throw Self.spec.usageError("validate needs at least one file") }
    paths = arguments.positional
  }

  func run() throws(CommandFailure) {
    var failures: [String] = []
    for path in paths {
      let files: [String]
      do throws(SuiteError) { files = try InputFiles.expand(path) } catch {
        failures.append(error.message)
        continue
      }
      for file in files {
        do throws(ScenarioError) { print(try Self.validate(file)) } catch { failures.append(error.description) }
      }
    }
    guard failures.isEmpty else { throw CommandFailure(status: 2, message: failures.joined(separator: "\n")) }
  }

  /// The line for one valid file, after printing its warnings; the error of an invalid one.
  static func validate(_ file: String) throws(ScenarioError) -> String {
    let reader = try JSONDocument.load(path: file, what: "a readable scenario or strategy file")
    if InputFiles.isStrategyFile(reader.node.value) {
      let choice = try StrategyFile.load(path: file)
      let made = choice.configuration?.description ?? "the built-in \(choice.base.name) at its defaults"
      return "ok   \(file): strategy \(choice.name), \(made)"
    }
    let scenario = try Scenario.load(path: file)
    Warnings.print([scenario])
    return "ok   \(file): \(scenario.name), \(scenario.hosts.count) host(s), \(DurationText.format(scenario.duration))"
  }
}

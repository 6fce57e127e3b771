import TokenSimKit

/// Every command, in the order `tokensim --help` lists them, and the top-level usage made from
/// their declarations.
enum CommandList {
  static let all: [any Command.Type] = [
    RunCommand.self, CompareCommand.self, CheckCommand.self, SuiteCommand.self, MergeCommand.self, ValidateCommand.self,
    BenchCommand.self, ServeCommand.self, ListCommand.self, FuzzCommand.self,
  ]

  /// The command called `name`.
  static func command(named name: String) -> (any Command.Type)? { all.first { $0.spec.name == name } }

  /// What `tokensim --help` prints.
  static var usage: String {
    let column = 38
    let lines = all.map { command in
      let spec = command.spec
      let head = "  " + spec.brief
      guard head.count < column else { return head + "\n" + String(repeating: " ", count: column) + spec.summary }
      return head + String(repeating: " ", count: column - head.count) + spec.summary
    }
    return """
      tokensim \(TokenSim.version): a fault-injection simulator for OAuth refresh-token clients.

      Usage: tokensim COMMAND [OPTIONS]

      Commands:
      \(lines.joined(separator: "\n"))

      `tokensim COMMAND --help` (or `tokensim help COMMAND`) describes each command.
      """
  }
}

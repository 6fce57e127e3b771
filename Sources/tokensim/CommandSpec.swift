/// What a command is, declared once: its name, the shape of its arguments, what it does, its
/// options and its exit status. The parser (`parse`) and the help page (`help`) both come from it.
struct CommandSpec: Sendable {
  /// The word after `tokensim`.
  let name: String
  /// The command in a few words for the command list (`run SCENARIO.json --strategy NAME`).
  let brief: String
  /// What it does, one line for the command list.
  let summary: String
  /// The arguments after the name, as the usage line shows them; may run over several lines.
  let synopsis: String
  /// Paragraphs saying what it does, for `--help`.
  let discussion: String
  /// The options, in the order `--help` lists them; `--help` itself is added.
  let options: [CommandOption]
  /// What each exit status means.
  let exitStatus: String

  /// Every option the command accepts: the declared ones and `--help`.
  var allOptions: [CommandOption] { options + [.help] }

  /// The declared option called `name`.
  func option(named name: String) -> CommandOption? { allOptions.first { $0.name == name } }

  /// `Usage: tokensim NAME SYNOPSIS`, continuation lines aligned under the synopsis.
  var usage: String {
    let head = "Usage: tokensim \(name) "
    let indent = String(repeating: " ", count: head.count)
    return head + synopsis.split(separator: "\n").joined(separator: "\n" + indent)
  }

  /// The whole help page.
  var help: String { HelpPage.text(self) }

  /// A mistake on the command line: the message, the usage and where to read more; exit status 2.
  func usageError(_ message: String) -> CommandFailure {
    CommandFailure(status: 2, message: "\(message)\n\n\(usage)\n\nSee `tokensim \(name) --help` for every option.")
  }

  /// Parses the words after the command's name; `--help` (or `-h`) anywhere answers with the
  /// help page (status 0).
  func parse(_ words: [String]) throws(CommandFailure) -> ParsedArguments {
    if words.contains("--help") || words.contains("-h") { throw CommandFailure(status: 0, message: help) }
    return try ParsedArguments(words, spec: self)
  }
}

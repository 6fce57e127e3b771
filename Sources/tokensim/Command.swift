/// A `tokensim` command, in swift-argument-parser's three steps: `spec` declares its arguments
/// (from which the parser and `--help` come), `init(validating:)` turns the parsed words into
/// checked values (every mistake exits 2 before anything is run or written), and `run` does the
/// work through the library and prints.
protocol Command: SendableMetatype {
  /// The command's declaration.
  static var spec: CommandSpec { get }
  /// Checks and converts the parsed arguments.
  init(validating arguments: ParsedArguments) throws(CommandFailure)
  /// Runs the command; throwing sets the exit status.
  func run() throws(CommandFailure)
}

extension Command {
  /// Parses, validates and runs `words` (the words after the command's name).
  static func main(_ words: [String]) throws(CommandFailure) {
    try Self(validating: try spec.parse(words)).run()
  }
}

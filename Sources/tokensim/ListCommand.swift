import TokenSimKit

/// `tokensim list strategies [--verbose]`, `tokensim list checks`
struct ListCommand: Command {
  static let verbose = CommandOption.flag(
    "verbose", help: "with strategies: also every parameter, its default, what values it takes and what it does")

  static let spec = CommandSpec(
    name: "list", brief: "list strategies|checks", summary: "list the built-in strategies or conformance checks",
    synopsis: "strategies [--verbose] | checks",
    discussion: """
      strategies: the built-in client strategies with a one-line summary each. With --verbose, also
      every parameter of each: its default (from the strategy's exemplar), what values it takes,
      and what it does. Override parameters with `run --param NAME=VALUE` or a strategy file.

      checks: the conformance checks every run is judged by, with the default threshold of each.
      A scenario overrides one in its "checks" object: a number sets the threshold, false turns
      the check off, as in "checks": {"bounded-amplification": 150, "converges": false}.
      """,
    options: [verbose],
    exitStatus: "Exit status: 0, or 2 when the topic is missing or unknown.")

  let topic: String
  let isVerbose: Bool

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard arguments.positional == ["checks"] || arguments.positional == ["strategies"] else {
      throw Self.spec.usageError("list takes one topic: strategies or checks")
    }
    topic = arguments.positional[0]
    isVerbose = arguments.isGiven(Self.verbose)
  }

  func run() throws(CommandFailure) {
    if topic == "checks" { return print(Self.checks()) }
    if isVerbose {
      print(StrategyCatalog.all.map(Self.verbose).joined(separator: "\n"), terminator: "")
      return
    }
    let width = StrategyCatalog.all.map(\.name.count).max() ?? 0
    for entry in StrategyCatalog.all {
      print(entry.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + entry.summary)
    }
  }

  /// Every check: its id, default threshold and what it asks.
  static func checks() -> String {
    CheckCatalog.all.map { check in
      let unit = check.unit == "×" ? "×" : " " + check.unit
      let threshold = "\(check.bound.rawValue) \(Figures.trimmed(check.defaultThreshold))\(unit)"
      return "\(check.id) (default: \(threshold))\n" + wrap(check.summary, indent: "  ")
    }.joined(separator: "\n\n")
  }

  /// `text` wrapped at 96 columns with `indent`.
  static func wrap(_ text: String, indent: String) -> String {
    var lines: [String] = []
    var line = indent
    for word in text.split(separator: " ") {
      if line.count + word.count + 1 > 96, line != indent {
        lines.append(line)
        line = indent
      }
      line += (line == indent ? "" : " ") + word
    }
    return (lines + [line]).joined(separator: "\n")
  }

  /// One strategy with a table of its parameters.
  static func verbose(_ entry: StrategyCatalog.Entry) -> String {
    let rows = entry.parameters.map { [$0.name, $0.defaultValue.description, $0.summary + "; " + $0.kind.expectation] }
    let table = MatrixTable.render(header: ["parameter", "default", "meaning; accepted values"], rows: rows)
    let broker =
      entry.usesBroker ? "\nEvery host runs a broker process (the scenario's, or one added with a 1 s supervisor).\n" : ""
    return "\(entry.name): \(entry.summary)\n\(broker)\n\(indent(table))\n"
  }

  private static func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
  }
}

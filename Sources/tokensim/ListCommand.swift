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
  /// The columns output is wrapped to (`TerminalWidth`).
  let width = TerminalWidth.current()

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard arguments.positional == ["checks"] || arguments.positional == ["strategies"] else {
      throw Self.spec.usageError("list takes one topic: strategies or checks")
    }
    topic = arguments.positional[0]
    isVerbose = arguments.isGiven(Self.verbose)
  }

  func run() throws(CommandFailure) {
    if topic == "checks" { return print(Self.checks(width: width)) }
    if isVerbose {
      print(StrategyCatalog.all.map { Self.verbose($0, width: width) }.joined(separator: "\n"), terminator: "")
      return
    }
    let names = StrategyCatalog.all.map(\.name.count).max() ?? 0
    let indent = String(repeating: " ", count: names + 2)
    for entry in StrategyCatalog.all {
      let summary = Self.wrap(entry.summary, width: width, indent: indent)
      print(entry.name.padding(toLength: names + 2, withPad: " ", startingAt: 0) + summary.dropFirst(indent.count))
    }
  }

  /// Every check: its id, default threshold and what it asks, wrapped to `width` columns.
  static func checks(width: Int) -> String {
    CheckCatalog.all.map { check in
      let unit = check.scale == .ratio ? check.unit : " " + check.unit
      let threshold = "\(check.bound.rawValue) \(Figures.trimmed(check.defaultThreshold))\(unit)"
      return "\(check.id) (default: \(threshold))\n" + wrap(check.summary, width: width, indent: "  ")
    }.joined(separator: "\n\n")
  }

  /// `text` wrapped at `width` columns, every line starting with `indent`; a word longer than a
  /// line stays whole.
  static func wrap(_ text: String, width: Int, indent: String) -> String {
    lines(text, width: width - indent.count).map { indent + $0 }.joined(separator: "\n")
  }

  /// `text` as lines of at most `width` characters, broken at spaces.
  static func lines(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty, line.count + word.count + 1 > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    return lines + [line]
  }

  /// One strategy with a table of its parameters, the last column wrapped to fit `width`.
  static func verbose(_ entry: StrategyCatalog.Entry, width: Int) -> String {
    let rows = entry.parameters.map { [$0.name, $0.defaultValue.description, $0.summary + "; " + $0.kind.expectation] }
    let broker =
      entry.usesBroker
      ? "\n"
        + wrap("Every host runs a broker process (the scenario's, or one added with a 1 s supervisor).", width: width, indent: "")
        + "\n" : ""
    let header = wrap("\(entry.name): \(entry.summary)", width: width, indent: "")
    return "\(header)\n\(broker)\n\(table(["parameter", "default", "meaning; accepted values"], rows, width: width))\n"
  }

  /// A table indented by two, its columns two apart, its last column wrapped so that no line is
  /// wider than `width` (continuation lines leave the other columns blank).
  static func table(_ header: [String], _ rows: [[String]], width: Int) -> String {
    let all = [header] + rows
    let fixed = (0..<header.count - 1).map { column in all.map { $0[column].count }.max() ?? 0 }
    let start = 2 + fixed.map { $0 + 2 }.reduce(0, +)
    let last = max(20, width - start)
    func pad(_ cells: [String]) -> String {
      zip(cells, fixed).map { $0.padding(toLength: $1 + 2, withPad: " ", startingAt: 0) }.joined()
    }
    var lines = ["  " + pad(Array(header.dropLast())) + header.last!]
    lines.append("  " + fixed.map { String(repeating: "-", count: $0) + "  " }.joined() + String(repeating: "-", count: last))
    for row in rows {
      let wrapped = Self.lines(row.last!, width: last)
      lines.append("  " + pad(Array(row.dropLast())) + wrapped[0])
      lines += wrapped.dropFirst().map { String(repeating: " ", count: start) + $0 }
    }
    return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
  }
}

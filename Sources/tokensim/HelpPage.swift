/// A command's `--help` page, made from its `CommandSpec`: usage, discussion, one line (or more,
/// wrapped) per declared option with its default, and the exit status.
enum HelpPage {
  /// The widest a help line gets.
  static let width = 100

  static func text(_ spec: CommandSpec) -> String {
    [spec.usage, spec.discussion, "Options:\n" + optionLines(spec.allOptions), spec.exitStatus].joined(separator: "\n\n")
  }

  /// `  --out DIR   where the reports go (default: out)`, the help texts aligned and wrapped.
  static func optionLines(_ options: [CommandOption]) -> String {
    let column = 2 + (options.map(\.usage.count).max() ?? 0) + 3
    return options.map { option in
      let head = "  " + option.usage
      let lines = wrap(option.fullHelp, width: width - column)
      let first = head + String(repeating: " ", count: column - head.count) + lines[0]
      let rest = lines.dropFirst().map { String(repeating: " ", count: column) + $0 }
      return ([first] + rest).joined(separator: "\n")
    }.joined(separator: "\n")
  }

  /// `text` in lines of at most `width` characters, broken at spaces.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty, line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    return lines + [line]
  }
}

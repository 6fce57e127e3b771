import TokenSimKit

/// A command line parsed against its command's declared options: positional words, each valued
/// option's values and the flags given. Options are read through their declaration, so a command
/// cannot read an option it did not declare.
struct ParsedArguments {
  let spec: CommandSpec
  private(set) var positional: [String] = []
  private var values: [String: [String]] = [:]
  private var flags: Set<String> = []

  /// Parses `words`: `--name value`, `--name=value`, `--flag`; anything else is positional.
  init(_ words: [String], spec: CommandSpec) throws(CommandFailure) {
    self.spec = spec
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      guard word.hasPrefix("--"), word.count > 2 else {
        positional.append(word)
        continue
      }
      let (name, inline) = Self.split(word)
      let option = try Self.declared(name, in: spec)
      guard option.takesValue else {
        guard inline == nil else { throw spec.usageError("option --\(name) of \(spec.name) takes no value") }
        flags.insert(name)
        continue
      }
      guard let value = inline ?? Self.value(at: index, of: words) else {
        throw spec.usageError("option --\(name) of \(spec.name) needs a value: \(option.usage)")
      }
      if inline == nil { index += 1 }
      values[name, default: []].append(value)
    }
  }

  /// `--name=value` as ("name", "value"), `--name` as ("name", nil).
  private static func split(_ word: String) -> (name: String, value: String?) {
    let body = word.dropFirst(2)
    guard let equals = body.firstIndex(of: "=") else { return (String(body), nil) }
    return (String(body[..<equals]), String(body[body.index(after: equals)...]))
  }

  /// The declaration of `--name`, or an error naming the option, the command and the closest.
  private static func declared(_ name: String, in spec: CommandSpec) throws(CommandFailure) -> CommandOption {
    if let option = spec.option(named: name) { return option }
    let names = spec.allOptions.map(\.name)
    let suggestion = closest(name, among: names).map { " (did you mean --\($0)?)" } ?? ""
    throw spec.usageError("unknown option --\(name) for \(spec.name)\(suggestion)")
  }

  /// The word at `index` as a value: not past the end, and not another option.
  private static func value(at index: Int, of words: [String]) -> String? {
    guard index < words.count, !(words[index].hasPrefix("--") && words[index].count > 2) else { return nil }
    return words[index]
  }

  /// The last value given for `option`, else its declared default value.
  func value(_ option: CommandOption) -> String? {
    if let given = values(option).last { return given }
    if case .value(let value) = option.defaultValue { return value }
    return nil
  }

  /// Every value given for `option`, in order.
  func values(_ option: CommandOption) -> [String] {
    precondition(spec.option(named: option.name) == option, "--\(option.name) is not declared by \(spec.name)")
    return values[option.name] ?? []
  }

  /// Whether `option` was given (a flag set, or a value given, not defaulted).
  func isGiven(_ option: CommandOption) -> Bool {
    precondition(spec.option(named: option.name) == option, "--\(option.name) is not declared by \(spec.name)")
    return flags.contains(option.name) || values[option.name] != nil
  }
}

/// The word among `candidates` closest in spelling to `word`, if any is close.
func closest(_ word: String, among candidates: [String]) -> String? { Spelling.closest(to: word, among: candidates) }

/// One option of a command, declared once: its name, whether it takes a value (and the
/// placeholder `--help` shows for it), its help text and its default. The parser accepts exactly
/// the declared options, and `--help` lists exactly them, from this one declaration.
struct CommandOption: Equatable, Sendable {
  /// What follows the option's name.
  enum Kind: Equatable, Sendable {
    /// Nothing: `--trace`.
    case flag
    /// One value, the last one given winning: `--out DIR`.
    case value(placeholder: String)
    /// A value, repeatable, every one kept in order: `--param NAME=VALUE`.
    case repeated(placeholder: String)
  }

  /// What the option is when not given.
  enum Default: Equatable, Sendable {
    /// Nothing (or, for a flag, off).
    case none
    /// This value, which the parser hands out as if given.
    case value(String)
    /// A value worked out when the command runs (the number of cores); `--help` shows this text.
    case computed(String)
  }

  /// The name without the leading `--`.
  let name: String
  let kind: Kind
  /// What the option does, as one sentence without a final full stop.
  let help: String
  let defaultValue: Default

  /// A flag: `--name`, off unless given.
  static func flag(_ name: String, help: String) -> CommandOption {
    CommandOption(name: name, kind: .flag, help: help, defaultValue: .none)
  }

  /// An option with one value: `--name PLACEHOLDER`.
  static func value(_ name: String, _ placeholder: String, help: String, default: Default = .none) -> CommandOption {
    CommandOption(name: name, kind: .value(placeholder: placeholder), help: help, defaultValue: `default`)
  }

  /// An option that may be given several times: `--name PLACEHOLDER`...
  static func repeated(_ name: String, _ placeholder: String, help: String) -> CommandOption {
    CommandOption(name: name, kind: .repeated(placeholder: placeholder), help: help, defaultValue: .none)
  }

  /// `--help`, which every command has.
  static let help = flag("help", help: "show this help")

  /// Whether a value follows the name.
  var takesValue: Bool { kind != .flag }

  /// The option as written: `--out DIR`, `--trace`.
  var usage: String {
    switch kind {
    case .flag: return "--\(name)"
    case .value(let placeholder), .repeated(let placeholder): return "--\(name) \(placeholder)"
    }
  }

  /// The help text with the default and whether it repeats.
  var fullHelp: String {
    var text = help
    if case .repeated = kind { text += "; repeatable" }
    switch defaultValue {
    case .none: break
    case .value(let value): text += " (default: \(value))"
    case .computed(let description): text += " (default: \(description))"
    }
    return text
  }
}

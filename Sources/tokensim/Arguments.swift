import TokenSimKit

/// A parsed command line: positional words and `--name value` / `--flag` options.
struct Arguments {
  var positional: [String] = []
  var options: [String: [String]] = [:]
  var flags: Set<String> = []

  /// Parses `words` given the options that take a value and the flags that do not.
  init(_ words: [String], valued: [String], flags known: [String]) throws(UsageError) {
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      guard word.hasPrefix("--"), word.count > 2 else {
        positional.append(word)
        continue
      }
      var name = String(word.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      if known.contains(name), inlineValue == nil {
        flags.insert(name)
      } else if valued.contains(name) {
        guard let value = inlineValue ?? (index < words.count ? words[index] : nil) else {
          throw UsageError("option --\(name) needs a value")
        }
        if inlineValue == nil { index += 1 }
        options[name, default: []].append(value)
      } else {
        let suggestion = closest(name, among: valued + known).map { " (did you mean --\($0)?)" } ?? ""
        throw UsageError("unknown option --\(name)\(suggestion)")
      }
    }
  }

  /// The last value given for `name`.
  func value(_ name: String) -> String? { options[name]?.last }
}

/// A mistake on the command line; the message says what to do.
struct UsageError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}

func closest(_ word: String, among candidates: [String]) -> String? { Spelling.closest(to: word, among: candidates) }

/// Breaks a scenario file's text the ways a hand, an editor or a disk does, for the fuzzer's
/// mutation half: a flipped, dropped or repeated byte, truncation, deep nesting, huge and odd
/// numbers, unicode, a duplicated member, and a value of the wrong type. Whatever comes out,
/// reading it must give a scenario or a `ScenarioError`, never a crash.
public enum ScenarioMutation: String, CaseIterable, Sendable {
  /// One byte replaced by a random one.
  case flipByte
  /// One byte removed.
  case dropByte
  /// A stretch of the text repeated in place.
  case repeatSpan
  /// The text cut short.
  case truncate
  /// A value replaced by thousands of nested arrays or objects.
  case deepNesting
  /// A number replaced by a huge, tiny, negative or malformed one.
  case oddNumber
  /// Unicode (emoji, combining marks, right-to-left text, NUL, lone surrogate escapes) put into a string.
  case unicode
  /// A member written twice in its object.
  case duplicateKey
  /// A value replaced by one of another type.
  case wrongType

  /// `text` mutated the way this case says, with the places and values drawn from `random`.
  public func apply(to text: String, random: inout RandomStream) -> String {
    var bytes = Array(text.utf8)
    guard !bytes.isEmpty else { return text }
    let at = Int(random.integer(in: 0...Int64(bytes.count - 1)))
    switch self {
    case .flipByte: bytes[at] = UInt8(truncatingIfNeeded: random.next())
    case .dropByte: bytes.remove(at: at)
    case .repeatSpan:
      let end = min(bytes.count, at + Int(random.integer(in: 1...200)))
      bytes.insert(contentsOf: bytes[at..<end], at: at)
    case .truncate: bytes.removeSubrange(at...)
    case .deepNesting, .oddNumber, .wrongType: return replaceValue(in: text, random: &random)
    case .unicode: return insertInString(text, random: &random)
    case .duplicateKey: return duplicateMember(in: text, random: &random)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static let oddNumbers = [
    "1e400", "-1e400", "1e-400", "-0", "0.0000000000000000000001", "123456789012345678901234567890", "9223372036854775807",
    "9223372036854775808", "-9223372036854775809", "1.5", "NaN", "Infinity", "0x10", "1e", "--1", "00", "1.",
  ]
  private static let wrongValues = [
    "null", "true", "[]", "{}", "\"\"", "0", "-1", "\"1h\"", "\"-1h\"", "\"99999999999999d\"", "[\"1s\"]", "{\"x\": 1}",
  ]
  private static let unicodeText = [
    "🔥", "e\u{301}", "\u{202E}dlrow", "\\u0000", "\\ud800", "\\udc00\\ud800", "ﬃ", "𝒳", "\\\"", "\u{FEFF}", "\u{7F}",
  ]

  /// Replaces the value after a random `:` (or the number at a random place).
  private func replaceValue(in text: String, random: inout RandomStream) -> String {
    let characters = Array(text)
    let colons = characters.indices.filter { characters[$0] == ":" }
    guard let colon = colons.randomElement(using: &random) else { return text }
    var end = colon + 1
    while end < characters.count, characters[end] == " " { end += 1 }
    let start = end
    var depth = 0
    var inString = false
    while end < characters.count {
      let c = characters[end]
      if inString {
        if c == "\\" { end += 1 } else if c == "\"" { inString = false }
      } else if c == "\"" {
        inString = true
      } else if c == "[" || c == "{" {
        depth += 1
      } else if c == "]" || c == "}" {
        if depth == 0 { break }
        depth -= 1
      } else if c == ",", depth == 0 {
        break
      }
      end += 1
    }
    let replacement: String
    switch self {
    case .deepNesting:
      let levels = Int(random.integer(in: 60...20_000))
      let (open, close) = random.chance(0.5) ? ("[", "]") : ("{\"a\":", "}")
      replacement = String(repeating: open, count: levels) + "1" + String(repeating: close, count: levels)
    case .oddNumber: replacement = Self.oddNumbers.randomElement(using: &random)!
    default: replacement = Self.wrongValues.randomElement(using: &random)!
    }
    return String(characters[..<start]) + replacement + String(characters[min(end, characters.count)...])
  }

  /// Puts odd unicode just inside a random string.
  private func insertInString(_ text: String, random: inout RandomStream) -> String {
    let characters = Array(text)
    let quotes = characters.indices.filter { characters[$0] == "\"" }
    guard let quote = quotes.randomElement(using: &random) else { return text }
    return String(characters[...quote]) + Self.unicodeText.randomElement(using: &random)! + String(characters[(quote + 1)...])
  }

  /// Repeats one line holding a `"key":` right after itself (a member twice in its object).
  private func duplicateMember(in text: String, random: inout RandomStream) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let members = lines.indices.filter { lines[$0].contains("\":") }
    guard let line = members.randomElement(using: &random) else { return text }
    var copy = lines[line]
    if !copy.hasSuffix(",") && !copy.hasSuffix("{") && !copy.hasSuffix("[") { copy += "," }
    lines.insert(copy, at: line)
    return lines.joined(separator: "\n")
  }
}

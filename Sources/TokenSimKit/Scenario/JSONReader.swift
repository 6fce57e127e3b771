/// A cursor on one value of a parsed file, with its JSON path, used to decode scenario and
/// strategy files into typed values with errors that name the place.
public struct JSONReader {
  /// The value under the cursor.
  public let node: JSONNode
  /// Its JSON path (`$.hosts[0].processes[1]`).
  public let path: String
  /// The file it came from.
  public let file: String

  /// Creates a reader on the root of a parsed document.
  public init(root: JSONNode, file: String) {
    self.node = root
    self.path = "$"
    self.file = file
  }

  init(node: JSONNode, path: String, file: String) {
    self.node = node
    self.path = path
    self.file = file
  }

  /// An error at this value.
  public func error(expected: String, suggestion: String? = nil) -> ScenarioError {
    ScenarioError(
      file: file, path: path, line: node.line, expected: expected, found: node.value.kindDescription,
      suggestion: suggestion)
  }

  /// Opens an object whose keys must all be among `keys`; an unknown key is an error naming the
  /// closest known one.
  public func object(keys: [String]) throws(ScenarioError) -> ObjectReader {
    guard case .object(let members) = node.value else { throw error(expected: "an object") }
    for member in members where !keys.contains(member.key) {
      let child = JSONReader(node: member.node, path: path + "." + member.key, file: file)
      let known = keys.map { "\"\($0)\"" }.joined(separator: ", ")
      throw ScenarioError(
        file: file, path: child.path, line: member.node.line, expected: "one of the keys \(known)",
        found: "the unknown key \"\(member.key)\"", suggestion: Spelling.closest(to: member.key, among: keys))
    }
    return ObjectReader(members: members, reader: self)
  }

  /// The elements of an array, each with its path.
  public func array(maximumCount: Int = 10_000) throws(ScenarioError) -> [JSONReader] {
    guard case .array(let elements) = node.value else { throw error(expected: "an array") }
    guard elements.count <= maximumCount else {
      throw error(expected: "an array of at most \(maximumCount) elements")
    }
    return elements.enumerated().map { JSONReader(node: $1, path: "\(path)[\($0)]", file: file) }
  }

  /// A string.
  public func string() throws(ScenarioError) -> String {
    guard case .string(let text) = node.value else { throw error(expected: "a string") }
    return text
  }

  /// A non-empty name made of letters, digits, `-`, `_` and `.`.
  public func name() throws(ScenarioError) -> String {
    let text = try string()
    let allowed = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    guard !text.isEmpty, text.count <= 64, allowed else {
      throw error(expected: "a name of 1 to 64 letters, digits, '-', '_' or '.'")
    }
    return text
  }

  /// A boolean.
  public func bool() throws(ScenarioError) -> Bool {
    guard case .bool(let value) = node.value else { throw error(expected: "true or false") }
    return value
  }

  /// A number within `range`.
  public func number(in range: ClosedRange<Double>) throws(ScenarioError) -> Double {
    guard case .number(let value, _) = node.value, range.contains(value) else {
      throw error(expected: "a number from \(format(range.lowerBound)) to \(format(range.upperBound))")
    }
    return value
  }

  /// A whole number within `range`.
  public func integer(in range: ClosedRange<Int>) throws(ScenarioError) -> Int {
    guard case .number(let value, _) = node.value, value.rounded() == value, Double(range.lowerBound) <= value,
      value <= Double(range.upperBound)
    else { throw error(expected: "a whole number from \(range.lowerBound) to \(range.upperBound)") }
    return Int(value)
  }

  /// A duration written as text (`"30s"`), within `range`.
  public func duration(
    in range: ClosedRange<SimDuration> = SimDuration.zero...SimDuration.days(3_650)
  ) throws(ScenarioError) -> SimDuration {
    let expectation =
      "a duration from \(range.lowerBound) to \(range.upperBound) written like \"250ms\", \"30s\" or \"2h\" (units \(DurationText.unitList))"
    guard case .string(let text) = node.value, let value = DurationText.parse(text) else {
      throw error(expected: expectation)
    }
    guard range.contains(value) else {
      guard value < .zero, range.lowerBound >= .zero else { throw error(expected: expectation) }
      throw ScenarioError(
        file: file, path: path, line: node.line, expected: expectation, found: "the negative duration \"\(text)\"")
    }
    return value
  }

  /// One of a fixed set of words, mapped to a value.
  public func choice<T>(_ choices: [(String, T)]) throws(ScenarioError) -> T {
    let words = choices.map(\.0)
    let expectation = "one of " + words.map { "\"\($0)\"" }.joined(separator: ", ")
    guard case .string(let text) = node.value else { throw error(expected: expectation) }
    guard let match = choices.first(where: { $0.0 == text }) else {
      throw error(expected: expectation, suggestion: Spelling.closest(to: text, among: words))
    }
    return match.1
  }

  /// Whether the value is JSON null.
  public var isNull: Bool { node.value == .null }

  private func format(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }
}

/// The members of a JSON object being decoded.
public struct ObjectReader {
  let members: [(key: String, node: JSONNode)]
  /// The reader on the object itself.
  public let reader: JSONReader

  /// The member `key`, or nil when it is absent or null.
  public func optional(_ key: String) -> JSONReader? {
    guard let member = members.first(where: { $0.key == key }), member.node.value != .null else { return nil }
    return JSONReader(node: member.node, path: reader.path + "." + key, file: reader.file)
  }

  /// The member `key`; its absence is an error saying what it should hold.
  public func required(_ key: String, expected: String) throws(ScenarioError) -> JSONReader {
    guard let value = optional(key) else {
      throw ScenarioError(
        file: reader.file, path: reader.path + "." + key, line: reader.node.line, expected: expected,
        found: "nothing (the key is missing)")
    }
    return value
  }

  /// Whether `key` is present and not null.
  public func has(_ key: String) -> Bool { optional(key) != nil }
}

/// A strict JSON parser (RFC 8259) that records positions. Depth and size are bounded.
public struct JSONParser {
  /// Why a document could not be parsed, and where.
  public struct Failure: Error, Equatable {
    /// What was wrong.
    public var message: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
  }

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private let maximumDepth = 64

  /// Parses `text` as one JSON document.
  public static func parse(_ text: String) throws(Failure) -> JSONNode {
    var parser = JSONParser(bytes: Array(text.utf8))
    parser.skipWhitespace()
    let node = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count else { throw parser.failure("unexpected text after the document") }
    return node
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private var column: Int { index - lineStart + 1 }

  private func failure(_ message: String) -> Failure { Failure(message: message, line: line, column: column) }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "\n"):
        line += 1
        lineStart = index + 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
      default: return
      }
      index += 1
    }
  }

  private mutating func parseValue(depth: Int) throws(Failure) -> JSONNode {
    guard depth < maximumDepth else { throw failure("nesting deeper than \(maximumDepth) levels") }
    guard index < bytes.count else { throw failure("the document ended where a value was expected") }
    let (startLine, startColumn) = (line, column)
    let value: JSONValue
    switch bytes[index] {
    case UInt8(ascii: "{"): value = try parseObject(depth: depth)
    case UInt8(ascii: "["): value = try parseArray(depth: depth)
    case UInt8(ascii: "\""): value = .string(try parseString())
    case UInt8(ascii: "t"): value = try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): value = try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): value = try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try parseNumber()
    default: throw failure("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
    }
    return JSONNode(value: value, line: startLine, column: startColumn)
  }

  private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(Failure) -> JSONValue {
    let wordBytes = Array(word.utf8)
    guard index + wordBytes.count <= bytes.count, Array(bytes[index..<index + wordBytes.count]) == wordBytes else {
      throw failure("expected \(word)")
    }
    index += wordBytes.count
    return value
  }

  private mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == byte else { throw failure("expected \(what)") }
    index += 1
  }

  private mutating func parseObject(depth: Int) throws(Failure) -> JSONValue {
    index += 1
    var members: [(key: String, node: JSONNode)] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key in quotes") }
      let key = try parseString()
      if members.contains(where: { $0.key == key }) { throw failure("the key \"\(key)\" appears twice") }
      try expect(UInt8(ascii: ":"), "':' after the key \"\(key)\"")
      skipWhitespace()
      members.append((key, try parseValue(depth: depth + 1)))
      skipWhitespace()
      guard index < bytes.count else { throw failure("the document ended inside an object") }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      try expect(UInt8(ascii: ","), "',' or '}' after a value")
    }
  }

  private mutating func parseArray(depth: Int) throws(Failure) -> JSONValue {
    index += 1
    var elements: [JSONNode] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw failure("the document ended inside an array") }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      }
      try expect(UInt8(ascii: ","), "',' or ']' after a value")
    }
  }

  private mutating func parseString() throws(Failure) -> String {
    index += 1
    var scalars: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""): return String(decoding: scalars, as: UTF8.self)
      case UInt8(ascii: "\\"): try appendEscape(to: &scalars)
      case 0..<0x20: throw failure("a control character inside a string")
      default: scalars.append(byte)
      }
    }
    throw failure("a string that never ends")
  }

  private mutating func appendEscape(to scalars: inout [UInt8]) throws(Failure) {
    guard index < bytes.count else { throw failure("a string that never ends") }
    let escape = bytes[index]
    index += 1
    let simple: [UInt8: UInt8] = [
      UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
      UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]
    if let byte = simple[escape] {
      scalars.append(byte)
      return
    }
    guard escape == UInt8(ascii: "u"), index + 4 <= bytes.count,
      let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { throw failure("an unknown escape in a string") }
    index += 4
    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
  }

  private mutating func parseNumber() throws(Failure) -> JSONValue {
    let start = index
    let allowed = Set("+-0123456789.eE".utf8)
    while index < bytes.count, allowed.contains(bytes[index]) { index += 1 }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = Double(text), value.isFinite else { throw failure("not a number: \(text)") }
    return .number(value, text: text)
  }
}

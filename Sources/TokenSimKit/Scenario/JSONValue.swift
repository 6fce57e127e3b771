/// A parsed JSON document that keeps object keys in file order and remembers where each value
/// started, so that errors can point at a line.
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double, text: String)
  case string(String)
  case array([JSONNode])
  case object([(key: String, node: JSONNode)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a, _), .number(let b, _)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.node == $1.node }
    default: return false
    }
  }

  /// A short name of the kind of value, for messages ("a string", "an object").
  public var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool(let value): return "the boolean \(value)"
    case .number(_, let text): return "the number \(text)"
    case .string(let text): return "the string \"\(text)\""
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

/// A JSON value with the line and column where it starts.
public struct JSONNode: Equatable, Sendable {
  /// The value.
  public var value: JSONValue
  /// 1-based line of the value's first character.
  public var line: Int
  /// 1-based column of the value's first character.
  public var column: Int
}

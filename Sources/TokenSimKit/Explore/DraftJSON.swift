/// A JSON value being written (a generated or mutated scenario), rendered with its object keys
/// in the order they were added, so a draw gives the same text every time.
public indirect enum DraftJSON: Equatable, Sendable {
  /// A string.
  case string(String)
  /// A number, written as its text.
  case number(String)
  /// true or false.
  case bool(Bool)
  /// An array.
  case array([DraftJSON])
  /// An object, its members in order.
  case object([(String, DraftJSON)])

  /// A whole number.
  public static func int(_ value: Int) -> DraftJSON { .number(String(value)) }

  /// A number with a fraction, written so that it reads back as the same `Double`.
  public static func double(_ value: Double) -> DraftJSON {
    value.rounded() == value && abs(value) < 1e15 ? .number(String(Int64(value))) : .number("\(value)")
  }

  /// A duration in whole microseconds (`"1500us"`), which the scenario reader takes exactly.
  public static func duration(_ microseconds: Int64) -> DraftJSON {
    .string(microseconds < 0 ? "-\(microseconds.magnitude)us" : "\(microseconds)us")
  }

  /// The value as JSON text, indented by two spaces per level.
  public func text(indent: Int = 0) -> String {
    let pad = String(repeating: "  ", count: indent + 1)
    let close = String(repeating: "  ", count: indent)
    switch self {
    case .string(let text): return DraftJSON.quoted(text)
    case .number(let text): return text
    case .bool(let value): return value ? "true" : "false"
    case .array(let elements):
      guard !elements.isEmpty else { return "[]" }
      return "[\n" + elements.map { pad + $0.text(indent: indent + 1) }.joined(separator: ",\n") + "\n\(close)]"
    case .object(let members):
      guard !members.isEmpty else { return "{}" }
      let lines = members.map { pad + DraftJSON.quoted($0.0) + ": " + $0.1.text(indent: indent + 1) }
      return "{\n" + lines.joined(separator: ",\n") + "\n\(close)}"
    }
  }

  /// `text` in quotes, with quotes, backslashes and control characters escaped.
  static func quoted(_ text: String) -> String { JSONQuoting.quoted(text) }

  public static func == (lhs: DraftJSON, rhs: DraftJSON) -> Bool { lhs.text() == rhs.text() }
}

import TokenSimKit

/// Small JSON writing helpers for the live server's bodies (no Foundation encoder in the
/// request path).
enum JSONText {
  /// `text` as a JSON string literal.
  static func quote(_ text: String) -> String { JSONQuoting.quoted(text) }

  /// An object from keys and already-written values, in order.
  static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }
}

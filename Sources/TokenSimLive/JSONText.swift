/// Small JSON writing helpers for the live server's bodies (no Foundation encoder in the
/// request path).
enum JSONText {
  /// `text` as a JSON string literal.
  static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// An object from keys and already-written values, in order.
  static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }
}

/// Escaping for XML, SVG and HTML text and attributes.
enum Markup {
  /// `text` with `& < > " '` escaped.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for char in text {
      switch char {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default: out.append(char)
      }
    }
    return out
  }
}

/// JSON string literals written by hand where no Foundation encoder is wanted (the trace line on
/// every event, scenario drafts, the live server's bodies): one escaping rule for all of them.
public enum JSONQuoting {
  /// `text` in quotes, with quotes, backslashes, newlines and other control characters escaped.
  public static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case _ where scalar.value < 0x20: out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

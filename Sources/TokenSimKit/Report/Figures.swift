import Foundation

/// Formats numbers for people: `12,345`, `1.2M`.
public enum Figures {
  /// `12345` → `12,345`.
  public static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, char) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out += "," }
      out.append(char)
    }
    return (value < 0 ? "-" : "") + out
  }

  /// `1234567` → `1.2M`.
  public static func rate(_ value: Double) -> String {
    value >= 1e6
      ? String(format: "%.1fM", value / 1e6) : value >= 1e3 ? String(format: "%.1fk", value / 1e3) : String(format: "%.0f", value)
  }

  /// `0.9876` → `98.8%`.
  public static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}

extension Figures {
  /// A number without trailing zeros: `10`, `0.5`, `191.67`.
  public static func trimmed(_ value: Double) -> String {
    var text = String(format: "%.4f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}

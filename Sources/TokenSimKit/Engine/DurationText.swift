/// Reads and writes durations as people write them in scenario files: `"250ms"`, `"30s"`, `"30m"`,
/// `"2h"`, `"30d"`, and combinations such as `"1h30m"`.
public enum DurationText {
  private static let units: [(suffix: String, microseconds: Int64)] = [
    ("us", 1), ("ms", 1_000), ("s", 1_000_000), ("m", 60_000_000), ("h", 3_600_000_000),
    ("d", 86_400_000_000),
  ]

  /// The units accepted, for error messages.
  public static let unitList = "us, ms, s, m, h, d"

  /// Parses `text`, returning nil when it is not a duration. A leading `-` makes it negative.
  public static func parse(_ text: String) -> SimDuration? {
    var rest = Substring(text.trimmingWhitespace())
    var sign: Int64 = 1
    if rest.first == "-" {
      sign = -1
      rest = rest.dropFirst()
    }
    guard !rest.isEmpty else { return nil }
    var total: Int64 = 0
    while !rest.isEmpty {
      guard let (value, unit, remaining) = nextTerm(rest) else { return nil }
      let (product, overflow) = value.multipliedReportingOverflow(by: unit)
      guard !overflow, total <= Int64.max - product else { return nil }
      total += product
      rest = remaining
    }
    return SimDuration(microseconds: sign * total)
  }

  private static func nextTerm(_ text: Substring) -> (Int64, Int64, Substring)? {
    let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
    guard !digits.isEmpty, digits.count <= 15, let value = Int64(digits) else { return nil }
    let afterDigits = text.dropFirst(digits.count)
    let letters = afterDigits.prefix(while: { $0.isLetter })
    guard let unit = units.first(where: { $0.suffix == letters }) else { return nil }
    return (value, unit.microseconds, afterDigits.dropFirst(letters.count))
  }

  /// Formats `duration` with the largest units that keep it exact (`"1h30m"`, `"250ms"`, `"0s"`).
  public static func format(_ duration: SimDuration) -> String {
    if duration.microseconds == 0 { return "0s" }
    var rest = duration.microseconds.magnitude
    var text = duration.microseconds < 0 ? "-" : ""
    for unit in units.reversed() where rest >= UInt64(unit.microseconds) {
      let count = rest / UInt64(unit.microseconds)
      rest -= count * UInt64(unit.microseconds)
      text += "\(count)\(unit.suffix)"
    }
    return text
  }
}

extension String {
  func trimmingWhitespace() -> String {
    var slice = Substring(self)
    while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
    while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
    return String(slice)
  }
}

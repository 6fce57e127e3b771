import Foundation

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

extension DurationText {
  /// A rounded duration for sentences: `"25 s"`, `"12 min"`, `"3.5 h"`, `"2.0 days"`.
  public static func approximate(_ duration: SimDuration) -> String {
    let seconds = duration.seconds
    if seconds < 10, seconds != seconds.rounded() { return String(format: "%.1f s", seconds) }
    if seconds < 90 { return String(format: "%.0f s", seconds) }
    if seconds < 90 * 60 { return String(format: "%.0f min", seconds / 60) }
    if seconds < 48 * 3_600 { return String(format: "%.1f h", seconds / 3_600) }
    return String(format: "%.1f days", seconds / 86_400)
  }
}

extension SimInstant {
  /// The instant as a clock reading from the start of the run, for sentences and reports, always
  /// with hours so that no reading can be taken for another: `0:00:51.2`, `1:19:00`, `3d 04:00:00`.
  public var clock: String {
    let tenths = (microseconds + 50_000) / 100_000
    let fraction = tenths % 10 == 0 ? "" : ".\(tenths % 10)"
    let total = tenths / 10
    let (days, hours, minutes, seconds) = (total / 86_400, total / 3_600 % 24, total / 60 % 60, total % 60)
    func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    if days > 0 { return "\(days)d \(two(hours)):\(two(minutes)):\(two(seconds))\(fraction)" }
    return "\(hours):\(two(minutes)):\(two(seconds))\(fraction)"
  }
}

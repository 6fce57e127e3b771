/// IMF-fixdate text (`Sun, 06 Nov 1994 08:49:37 GMT`) for instants of a run, whose start is
/// 2026-01-01T00:00:00Z. Written by hand so that no host clock or locale takes part.
public enum HTTPDate {
  /// The run's start as seconds since 1970-01-01T00:00:00Z.
  public static let epochOfRunStart: Int64 = 1_767_225_600

  private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
  private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// Formats `instant` (whole seconds, rounded down).
  public static func format(_ instant: SimInstant) -> String {
    let unix = epochOfRunStart + instant.microseconds / 1_000_000
    let days = unix / 86_400
    let secondsOfDay = unix % 86_400
    let (year, month, day) = civilDate(fromDays: days)
    let weekday = weekdays[Int(days % 7)]
    let clock = [secondsOfDay / 3_600, secondsOfDay / 60 % 60, secondsOfDay % 60].map(twoDigits).joined(separator: ":")
    return "\(weekday), \(twoDigits(day)) \(months[Int(month) - 1]) \(year) \(clock) GMT"
  }

  /// Parses IMF-fixdate text into an instant of the run; nil when it is not one.
  public static func parse(_ text: String) -> SimInstant? {
    let parts = text.split(separator: " ")
    guard parts.count == 6, parts[0].hasSuffix(","), parts[5] == "GMT",
      let day = Int64(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])), let year = Int64(parts[3])
    else { return nil }
    let clock = parts[4].split(separator: ":").compactMap { Int64($0) }
    guard clock.count == 3, (1...31).contains(day), clock[0] < 24, clock[1] < 60, clock[2] < 61 else { return nil }
    let days = daysFromCivil(year: year, month: Int64(monthIndex + 1), day: day)
    let unix = days * 86_400 + clock[0] * 3_600 + clock[1] * 60 + clock[2]
    return SimInstant(microseconds: (unix - epochOfRunStart) * 1_000_000)
  }

  private static func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }

  // Howard Hinnant's civil-date algorithms.
  private static func civilDate(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthPrime = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
    let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}

extension SimInstant {
  /// The instant rounded down to a whole second, as an HTTP-date or a JWT `exp` carries it.
  public var roundedDownToSecond: SimInstant {
    guard self != .never else { return self }
    return SimInstant(microseconds: microseconds - ((microseconds % 1_000_000) + 1_000_000) % 1_000_000)
  }
}

/// A span of virtual time, counted in whole microseconds so that arithmetic is exact.
public struct SimDuration: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// The length in microseconds.
  public var microseconds: Int64

  /// Creates a duration of `microseconds`.
  public init(microseconds: Int64) { self.microseconds = microseconds }

  /// The empty duration.
  public static let zero = SimDuration(microseconds: 0)

  /// A duration of whole milliseconds.
  public static func milliseconds(_ value: Int64) -> SimDuration { .init(microseconds: value * 1_000) }
  /// A duration of whole seconds.
  public static func seconds(_ value: Int64) -> SimDuration { .init(microseconds: value * 1_000_000) }
  /// A duration of whole minutes.
  public static func minutes(_ value: Int64) -> SimDuration { .seconds(value * 60) }
  /// A duration of whole hours.
  public static func hours(_ value: Int64) -> SimDuration { .seconds(value * 3_600) }
  /// A duration of whole days.
  public static func days(_ value: Int64) -> SimDuration { .seconds(value * 86_400) }

  /// The duration in seconds, as a floating-point number for reports only.
  public var seconds: Double { Double(microseconds) / 1_000_000 }

  /// Whole seconds, rounded towards zero.
  public var wholeSeconds: Int64 { microseconds / 1_000_000 }

  public static func < (lhs: SimDuration, rhs: SimDuration) -> Bool { lhs.microseconds < rhs.microseconds }
  public static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
    .init(microseconds: lhs.microseconds + rhs.microseconds)
  }
  public static func - (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
    .init(microseconds: lhs.microseconds - rhs.microseconds)
  }
  public static func * (lhs: SimDuration, rhs: Int64) -> SimDuration {
    .init(microseconds: lhs.microseconds * rhs)
  }

  /// The shortest text that `DurationText.parse` reads back to the same value (`"30m"`, `"250ms"`).
  public var description: String { DurationText.format(self) }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let value = DurationText.parse(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a duration: \(text)"))
    }
    self = value
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// A point on the true timeline of a run, measured from its start.
public struct SimInstant: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// Microseconds since the start of the run.
  public var microseconds: Int64

  /// Creates the instant `microseconds` after the start of the run.
  public init(microseconds: Int64) { self.microseconds = microseconds }

  /// The start of the run.
  public static let start = SimInstant(microseconds: 0)
  /// A time after every event of any run.
  public static let never = SimInstant(microseconds: .max)

  /// Seconds since the start of the run, for reports.
  public var seconds: Double { Double(microseconds) / 1_000_000 }

  public static func < (lhs: SimInstant, rhs: SimInstant) -> Bool { lhs.microseconds < rhs.microseconds }
  public static func + (lhs: SimInstant, rhs: SimDuration) -> SimInstant {
    let (sum, overflow) = lhs.microseconds.addingReportingOverflow(rhs.microseconds)
    return overflow || sum == .max ? .never : .init(microseconds: sum)
  }
  public static func - (lhs: SimInstant, rhs: SimDuration) -> SimInstant {
    .init(microseconds: lhs.microseconds - rhs.microseconds)
  }
  public static func - (lhs: SimInstant, rhs: SimInstant) -> SimDuration {
    .init(microseconds: lhs.microseconds - rhs.microseconds)
  }

  /// `t+90.5s` style, for messages.
  public var description: String { "t+" + DurationText.format(SimDuration(microseconds: microseconds)) }

  public init(from decoder: any Decoder) throws {
    microseconds = try decoder.singleValueContainer().decode(Int64.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(microseconds)
  }
}

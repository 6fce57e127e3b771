/// The event that decided a check or a metric: when, which process, what happened.
public struct Evidence: Codable, Equatable, Sendable {
  /// Seconds since the start of the run, or nil when the evidence is the run as a whole.
  @ExplicitNull public var time: Double?
  /// The process (or worker) concerned, or nil.
  @ExplicitNull public var process: String?
  /// What happened, in a sentence.
  public var what: String

  /// Creates evidence.
  public init(time: SimInstant?, process: String?, what: String) {
    self.time = time?.seconds
    self.process = process
    self.what = what
  }
}

extension Evidence? {
  /// Keeps the first evidence of a kind: set when there is none yet, the process's name and the
  /// account built only then. Written in place (no key path, no copy of the evidence kept).
  mutating func keepFirst(
    _ time: SimInstant, _ process: @autoclosure () -> String?, _ what: @autoclosure () -> String
  ) {
    // Matched, not compared: `== nil` picks Equatable's `==`, which copies the evidence kept
    // (retaining its strings) and destroys the copy, ~190 instructions a failed call.
    guard case .none = self else { return }
    self = Evidence(time: time, process: process(), what: what())
  }
}

/// An optional that is written as JSON `null` instead of being left out, so that every report
/// has the same keys.
@propertyWrapper
public struct ExplicitNull<Value: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
  /// The value.
  public var wrappedValue: Value?

  /// Wraps `wrappedValue`.
  public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
  }
}

/// How a fault or rate limit fills the `Retry-After` header.
public struct RetryAfterSpec: Equatable, Sendable {
  /// How long the client is asked to wait.
  public var delay: SimDuration
  /// Which of the two header forms (RFC 9110 §10.2.3) is sent.
  public var format: RetryAfterFormat

  /// Creates a spec.
  public init(delay: SimDuration, format: RetryAfterFormat) {
    self.delay = delay
    self.format = format
  }

  /// The header value for a response sent at `now` (true time).
  public func headerValue(at now: SimInstant) -> String {
    switch format {
    case .delaySeconds: return String(delay.wholeSeconds)
    case .httpDate: return HTTPDate.format(now + delay)
    }
  }
}

/// The two forms of `Retry-After`.
public enum RetryAfterFormat: String, Equatable, Sendable {
  /// `Retry-After: 120`
  case delaySeconds = "delay-seconds"
  /// `Retry-After: Fri, 31 Dec 1999 23:59:59 GMT`
  case httpDate = "http-date"
}

extension RetryAfterSpec {
  /// Reads `retryAfter` and `retryAfterFormat` from an object that may hold them.
  static func read(from object: ObjectReader) throws(ScenarioError) -> RetryAfterSpec? {
    guard let delay = object.optional("retryAfter") else {
      if let format = object.optional("retryAfterFormat") {
        throw format.error(expected: "no retryAfterFormat without a retryAfter")
      }
      return nil
    }
    let format = try object.optional("retryAfterFormat")?.choice([
      ("delay-seconds", RetryAfterFormat.delaySeconds), ("http-date", .httpDate),
    ])
    return RetryAfterSpec(delay: try delay.duration(in: .zero...SimDuration.days(1)), format: format ?? .delaySeconds)
  }
}

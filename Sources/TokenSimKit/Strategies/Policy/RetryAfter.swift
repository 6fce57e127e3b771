/// Reading a `Retry-After` header (RFC 9110 §10.2.3) the way a client does: `delay-seconds` or an
/// HTTP-date, turned into an absolute deadline on the client's own clock.
public enum RetryAfter {
  /// The instant before which the client should not retry, or nil when the header is unreadable.
  ///
  /// An HTTP-date is compared with the host clock as if that clock were right, so a host whose
  /// clock runs behind waits longer than the server meant, as real clients do. A date in the past
  /// means "now". The deadline is at most `cap` after `now`.
  public static func deadline(header: String, now: SimInstant, cap: SimDuration) -> SimInstant? {
    let text = header.trimmingWhitespace()
    let deadline: SimInstant
    if !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {
      guard let seconds = Int64(text.prefix(12)) else { return nil }
      deadline = now + .seconds(seconds)
    } else if let date = HTTPDate.parse(text) {
      deadline = max(now, date)
    } else {
      return nil
    }
    return min(deadline, now + cap)
  }
}

/// How a client combines an honoured `Retry-After` with its own backoff delay.
public enum RetryAfterUse: String, Equatable, Sendable, CaseIterable {
  /// The header's deadline replaces the backoff; the backoff (jitter) is used only when there is
  /// no readable header (Codex remote-control, urllib3's `Retry`, go-retryablehttp, MSAL).
  case replacesBackoff = "replaces-backoff"
  /// The later of the header's deadline and the backoff (Azure.Core's `DelayStrategy` for .NET):
  /// a short `Retry-After` does not shorten the backoff.
  case atLeastBackoff = "at-least-backoff"

  /// The next attempt's deadline from the backoff's and the header's (nil: no readable header).
  public func deadline(backoff: SimInstant, told: SimInstant?) -> SimInstant {
    guard let told else { return backoff }
    switch self {
    case .replacesBackoff: return told
    case .atLeastBackoff: return max(backoff, told)
    }
  }
}

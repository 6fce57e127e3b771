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

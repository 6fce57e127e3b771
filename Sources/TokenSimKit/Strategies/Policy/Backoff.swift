/// How long to wait before retrying after the n-th consecutive failure. The shapes are those of
/// the AWS backoff simulator ("Exponential Backoff and Jitter"), plus a plain uniform draw for
/// clients that wait a jittered fixed time (aws-sdk-go-v2's 300–600 s, Codex's 24–36 s).
public struct Backoff: Equatable, Sendable {
  /// The shape of the delays.
  public enum Kind: String, Equatable, Sendable, CaseIterable {
    /// Retry at once.
    case none
    /// `min(cap, base·2^(n-1))`.
    case exponential
    /// `uniform(0, exponential)`.
    case fullJitter = "full-jitter"
    /// `exponential/2 + uniform(0, exponential/2)`.
    case equalJitter = "equal-jitter"
    /// `min(cap, uniform(base, 3·previous))`.
    case decorrelated
    /// `uniform(base, cap)` whatever n is.
    case uniform
  }

  /// The shape.
  public var kind: Kind
  /// The first delay (or the lower bound).
  public var base: SimDuration
  /// The largest delay.
  public var cap: SimDuration

  /// Creates a backoff.
  public init(kind: Kind, base: SimDuration, cap: SimDuration) {
    self.kind = kind
    self.base = base
    self.cap = max(base, cap)
  }

  /// The delay after `failures` consecutive failures (1 for the first), given the previous
  /// delay (used by decorrelated jitter).
  public func delay(afterFailures failures: Int, previous: SimDuration, random: inout RandomStream) -> SimDuration {
    let exponential = exponentialDelay(failures)
    switch kind {
    case .none: return .zero
    case .exponential: return exponential
    case .fullJitter: return random.duration(between: .zero, and: exponential)
    case .equalJitter:
      let half = SimDuration(microseconds: exponential.microseconds / 2)
      return half + random.duration(between: .zero, and: half)
    case .decorrelated:
      let upper = SimDuration(microseconds: max(base.microseconds, previous.microseconds) * 3)
      return min(cap, random.duration(between: base, and: upper))
    case .uniform: return random.duration(between: base, and: cap)
    }
  }

  private func exponentialDelay(_ failures: Int) -> SimDuration {
    let shift = min(max(failures - 1, 0), 40)
    let (scaled, overflow) = base.microseconds.multipliedReportingOverflow(by: Int64(1) << shift)
    return overflow ? cap : min(cap, SimDuration(microseconds: scaled))
  }
}

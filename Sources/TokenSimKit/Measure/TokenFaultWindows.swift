/// The fault windows in which a token request fails, as the perfect client (`MinimalRefreshes`)
/// learns them from the trace's `faultWindow` events, and the retries a correct client spends in
/// one when it needs a token there.
///
/// A window counts when its rule targets the token endpoint (`token` or `both`) and makes a
/// request fail: a status, a hang, a reset, an empty or malformed body, a reply lost after the
/// commit; not added latency, after which the request succeeds. A correct client that needs a
/// token at t inside such a window sends at t, then once per retry interval while the window is
/// open, and succeeds with the first request after it closes: the interval is the rule's
/// `Retry-After` (at least 1 s), else 30 s, the mean of seed 003's fixed client's 24-36 s jitter
/// (a hang is the client's timeout plus that delay, so 30 s allows at least as much).
/// `nextRequests` caps the failures of one need at that number, and `probability` p < 1 at the
/// expected number of failures before a success, p / (1 - p) rounded up; then the next request
/// succeeds even inside the window. The allowance is an upper bound on what a careful client
/// needs, never a schedule it must keep.
struct TokenFaultWindows {
  /// One window: open from `from` until `to` (nil while it is open).
  private struct Window {
    var rule: Int
    var from: SimInstant
    var to: SimInstant?
    var interval: SimDuration
    var failureCap: Int?
  }

  /// What a need for a token inside a window costs until the window lets a request through.
  struct Retries: Equatable {
    /// Requests that fail.
    var failed: Int
    /// When the next request goes out.
    var next: SimInstant
    /// Whether that request succeeds whatever window is open then (a cap was reached).
    var succeeds: Bool
  }

  /// The retry interval when the fault sends no `Retry-After`: seed 003's 24-36 s, on average.
  static let fallbackInterval = SimDuration.seconds(30)

  private var windows: [Window] = []

  /// Whether no window that makes token requests fail has opened.
  var isEmpty: Bool { windows.isEmpty }

  /// Rule `rule`'s window opened or closed.
  mutating func mark(rule: Int, fault: FaultRule, open: Bool, at time: SimInstant) {
    if !open {
      if let index = windows.lastIndex(where: { $0.rule == rule && $0.to == nil }) { windows[index].to = time }
      return
    }
    guard fault.target.covers(.token), fault.probability > 0 else { return }
    if case .latency = fault.effect { return }
    windows.append(
      Window(
        rule: rule, from: time, to: nil, interval: Self.interval(fault), failureCap: Self.failureCap(fault)))
  }

  /// Whether a token request sent at `time` fails.
  func failsRequests(at time: SimInstant) -> Bool { window(at: time) != nil }

  /// The retries of a token needed at `time`, counting requests sent before `end` (the perfect
  /// client's live time ends there; a window still open is open until then at least); nil when
  /// no window makes a request at `time` fail.
  func retries(at time: SimInstant, before end: SimInstant) -> Retries? {
    guard let window = window(at: time) else { return nil }
    let closes = window.to.flatMap { $0 <= end ? $0 : nil }
    let interval = window.interval.microseconds
    let failed = Int(((closes ?? end) - time).microseconds + interval - 1) / Int(interval)
    if let cap = window.failureCap, cap < failed {
      return Retries(failed: cap, next: time + window.interval * Int64(cap), succeeds: true)
    }
    return Retries(failed: failed, next: closes ?? time + window.interval * Int64(failed), succeeds: false)
  }

  private func window(at time: SimInstant) -> Window? {
    windows.first { $0.from <= time && ($0.to.map { time < $0 } ?? true) }
  }

  private static func interval(_ fault: FaultRule) -> SimDuration {
    guard let retryAfter = fault.retryAfter, retryAfter.delay.wholeSeconds >= 1 else { return fallbackInterval }
    return .seconds(retryAfter.delay.wholeSeconds)
  }

  private static func failureCap(_ fault: FaultRule) -> Int? {
    let expected = fault.probability < 1 ? Int((fault.probability / (1 - fault.probability)).rounded(.up)) : nil
    switch (fault.nextRequests, expected) {
    case (let next?, let expected?): return min(next, expected)
    case (let next?, nil): return next
    case (nil, let expected): return expected
    }
  }
}

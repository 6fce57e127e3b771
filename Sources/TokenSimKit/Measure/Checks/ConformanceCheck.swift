/// A conformance check: a property of a run held to a threshold, with a default a scenario may
/// override or turn off (`"checks": {"no-thrash": 10, "converges": false}`).
public struct ConformanceCheck: Sendable {
  /// Whether the observed value must stay at or below the threshold, or at or above it.
  public enum Bound: String, Sendable {
    /// observed ≤ threshold.
    case atMost = "at most"
    /// observed ≥ threshold.
    case atLeast = "at least"
  }

  /// What kind of number a check observes.
  public enum Scale: Sendable {
    /// A share from 0 to 1, shown as a percent; a threshold above 1 could never be met.
    case share
    /// A multiple of a baseline, shown as `191.7×`.
    case ratio
    /// A duration in seconds.
    case seconds
    /// A count of events.
    case count
  }

  /// What a check saw in one run.
  struct Observation {
    /// The value compared with the threshold; nil when there is none.
    var value: Double?
    /// The deciding event.
    var evidence: Evidence?
    /// A verdict that overrides the comparison (unknown, skipped, or fail without a value).
    var verdict: CheckVerdict?

    /// Skipped when a security event revoked a session still needed: no client recovers from
    /// that without a new login, so the check has nothing to judge. Nil otherwise.
    static func skippedAfterSecurityEvent(_ findings: RunFindings, because why: String) -> Observation? {
      guard findings.deadSessions.contains(where: \.bySecurityEvent) else { return nil }
      let what = "a security event revoked a session that was still needed; " + why
      return Observation(value: nil, evidence: Evidence(time: nil, process: nil, what: what), verdict: .skipped)
    }
  }

  /// The id used in reports and scenario files.
  public let id: String
  /// A word or two for tables.
  public let label: String
  /// What the check asks, in a sentence.
  public let summary: String
  /// How the threshold bounds the observed value.
  public let bound: Bound
  /// The threshold unless the scenario sets one.
  public let defaultThreshold: Double
  /// The unit of the observed value, for people.
  public let unit: String
  /// What kind of number the observed value is: how it reads and which thresholds make sense.
  public let scale: Scale
  let observe: @Sendable (RunMetrics, RunFindings, Double) -> Observation

  /// Judges one run against `threshold`.
  func judge(_ metrics: RunMetrics, _ findings: RunFindings, threshold: Double) -> CheckResult {
    let observation = observe(metrics, findings, threshold)
    let verdict: CheckVerdict
    if let forced = observation.verdict {
      verdict = forced
    } else if let value = observation.value {
      verdict = (bound == .atMost ? value <= threshold : value >= threshold) ? .pass : .fail
    } else {
      verdict = .fail
    }
    return CheckResult(
      id: id, verdict: verdict, threshold: threshold, observed: observation.value,
      evidence: verdict == .pass ? nil : observation.evidence)
  }

  /// The result of a check the scenario turned off.
  func disabled() -> CheckResult {
    CheckResult(
      id: id, verdict: .skipped, threshold: nil, observed: nil,
      evidence: Evidence(time: nil, process: nil, what: "turned off by the scenario"))
  }
}

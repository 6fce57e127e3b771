/// A check's verdict. Ordered so that the worst wins: a run fails when any check fails, is
/// unknown when none fails but one could not decide, and passes otherwise. Skipped checks (turned
/// off by the scenario, or not applicable) do not count.
public enum CheckVerdict: String, Codable, Comparable, Sendable {
  /// Off, or nothing to judge.
  case skipped
  /// Held.
  case pass
  /// Could not be decided before the run ended.
  case unknown
  /// Did not hold.
  case fail

  private var rank: Int {
    switch self {
    case .skipped: return 0
    case .pass: return 1
    case .unknown: return 2
    case .fail: return 3
    }
  }

  public static func < (lhs: CheckVerdict, rhs: CheckVerdict) -> Bool { lhs.rank < rhs.rank }

  /// The run's verdict from its checks' verdicts: the worst, ignoring skipped ones.
  public static func worst(of verdicts: [CheckVerdict]) -> CheckVerdict {
    verdicts.filter { $0 != .skipped }.max() ?? .pass
  }
}

/// One check's outcome in a report.
public struct CheckResult: Codable, Equatable, Sendable {
  /// The check's id, such as `no-thrash`.
  public var id: String
  /// What it decided.
  public var verdict: CheckVerdict
  /// The bound the observed value was held to (nil when the check is off).
  @ExplicitNull public var threshold: Double?
  /// The value observed (nil when there was none to observe).
  @ExplicitNull public var observed: Double?
  /// The event that decided it, for verdicts other than pass.
  @ExplicitNull public var evidence: Evidence?
}

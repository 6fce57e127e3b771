/// The built-in conformance checks, in report order.
public enum CheckCatalog {
  /// Every check.
  public static let all: [ConformanceCheck] = [
    .noFamilyRevocation, .honorsRetryAfter, .boundedAmplification, .converges, .alertsOnDeadCredentials, .noWorkLost,
    .availability, .goodput, .storeIntegrity, .noThrash, .noHang,
  ]

  /// The check with `id`, if any.
  public static func check(_ id: String) -> ConformanceCheck? { all.first { $0.id == id } }

  /// Judges a run: every check, at the scenario's thresholds.
  public static func judge(_ metrics: RunMetrics, _ findings: RunFindings, settings: CheckSettings) -> [CheckResult] {
    all.map { check in
      switch settings[check.id] {
      case .off: return check.disabled()
      case .threshold(let value): return check.judge(metrics, findings, threshold: value)
      case nil: return check.judge(metrics, findings, threshold: check.defaultThreshold)
      }
    }
  }
}

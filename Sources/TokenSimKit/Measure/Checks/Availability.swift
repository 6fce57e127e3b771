extension ConformanceCheck {
  /// Enough of the API calls the workloads attempted succeed.
  static let availability = ConformanceCheck(
    id: "availability", label: "avail",
    summary: "At least this share of the API calls the workloads attempted succeed (calls denied for lack of a "
      + "token count as failed).",
    bound: .atLeast, defaultThreshold: 0.95, unit: "of calls"
  ) { metrics, findings, _ in
    Observation(value: metrics.availability, evidence: findings.longestOutage ?? findings.failedCall)
  }
}

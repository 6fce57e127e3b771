extension ConformanceCheck {
  /// No process sends a token request before a Retry-After deadline it was given.
  static let honorsRetryAfter = ConformanceCheck(
    id: "honors-retry-after", label: "retry-after",
    summary: "No process sends a token request before a Retry-After deadline it was given "
      + "(report.json also counts requests before a deadline known to another process of the same store).",
    bound: .atMost, defaultThreshold: 0, unit: "requests", scale: .count
  ) { metrics, findings, _ in
    Observation(value: Double(metrics.retryAfterViolations.perProcess), evidence: findings.retryAfterViolation)
  }
}

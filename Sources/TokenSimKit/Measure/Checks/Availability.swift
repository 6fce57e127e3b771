extension ConformanceCheck {
  /// Enough of the API calls the workloads attempted succeed, and the workers are stalled (failing
  /// or waiting for a token) for little enough of their time.
  static let availability = ConformanceCheck(
    id: "availability", label: "avail",
    summary: "At least this share of the API calls the workloads attempted succeed (calls denied for lack of a "
      + "token count as failed), and of the workers' time is not stalled (failing, or waiting for a token for "
      + "5 s or more): the lower of metrics.availability and metrics.timeAvailability.",
    bound: .atLeast, defaultThreshold: 0.95, unit: "of calls and time", scale: .share
  ) { metrics, findings, _ in
    Observation(
      value: min(metrics.availability, metrics.timeAvailability), evidence: findings.longestOutage ?? findings.failedCall)
  }
}

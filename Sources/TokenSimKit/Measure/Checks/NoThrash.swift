extension ConformanceCheck {
  /// No process restarts its work loop over and over.
  static let noThrash = ConformanceCheck(
    id: "no-thrash", label: "thrash",
    summary: "No process restarts its work loop more than this many times within any one hour.",
    bound: .atMost, defaultThreshold: 3, unit: "restarts per hour", scale: .count
  ) { metrics, findings, _ in
    Observation(value: Double(metrics.mostRestartsInAnHour), evidence: findings.thrash)
  }
}

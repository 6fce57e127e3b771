extension ConformanceCheck {
  /// After the last fault window or security event, every worker works again within the threshold.
  static let converges = ConformanceCheck(
    id: "converges", label: "converge",
    summary: "After the last fault window and security event end (or from the start, without any), every worker "
      + "that was failing then, or failed before its next success, has an API call succeed within this many seconds "
      + "(a worker first started later is timed from its start); "
      + "and no worker is left failing at the end of the run for longer than that.",
    bound: .atMost, defaultThreshold: 900, unit: "s", scale: .seconds
  ) { metrics, findings, threshold in
    if let skipped = Observation.skippedAfterSecurityEvent(findings, because: "nothing recovers without a new login") {
      return skipped
    }
    if findings.triggerOpenAtEnd {
      let what = "a fault window was still open when the run ended"
      return Observation(value: nil, evidence: Evidence(time: findings.end, process: nil, what: what), verdict: .unknown)
    }
    if metrics.openOutageSeconds > threshold, metrics.openOutageSeconds > metrics.convergenceSeconds ?? .infinity {
      return Observation(value: metrics.openOutageSeconds, evidence: findings.openOutage, verdict: nil)
    }
    let start = findings.lastTriggerEnd ?? .start
    let undecided = metrics.convergenceSeconds == nil && (findings.end - start).seconds < threshold
    return Observation(
      value: metrics.convergenceSeconds, evidence: findings.convergence, verdict: undecided ? .unknown : nil)
  }
}

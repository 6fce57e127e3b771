extension ConformanceCheck {
  /// The run neither loops at zero delay nor exhausts its budget, and no token request waits forever.
  static let noHang = ConformanceCheck(
    id: "no-hang", label: "hang",
    summary: "The run neither hits its event budget nor loops at one instant, and no token request waits longer "
      + "than this many seconds for an answer.",
    bound: .atMost, defaultThreshold: 300, unit: "s", scale: .seconds
  ) { metrics, findings, _ in
    switch findings.stopReason {
    case .eventBudget, .zeroDelayLoop:
      let what =
        "the run was stopped at \(findings.end.clock): \(findings.stopReason == .eventBudget ? "it used up its event budget" : "events kept being scheduled at one instant")"
      return Observation(value: nil, evidence: Evidence(time: findings.end, process: nil, what: what), verdict: .fail)
    case .memoryLimit, .interrupted:
      // Stopped from outside before its end: nothing says whether it would have hung.
      let what =
        "the run was stopped at \(findings.end.clock): \(findings.stopReason == .memoryLimit ? "it reached its memory limit" : "it was interrupted")"
      return Observation(value: nil, evidence: Evidence(time: findings.end, process: nil, what: what), verdict: .unknown)
    case .endOfTime, .quiescent:
      return Observation(value: metrics.longestTokenRequestSeconds, evidence: findings.longestRequest)
    }
  }
}

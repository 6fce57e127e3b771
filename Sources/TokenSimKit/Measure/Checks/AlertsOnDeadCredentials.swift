extension ConformanceCheck {
  /// When a session becomes unusable while needed, someone raises a needs-login alert in time.
  static let alertsOnDeadCredentials = ConformanceCheck(
    id: "alerts-on-dead-credentials", label: "alert",
    summary: "When a host's refresh token becomes unusable (family revoked, or expired) while a process "
      + "still needs it, a process of that host raises a needs-login alert within this many seconds of its first "
      + "chance: the first time a process of the host needed a token after it died (metrics.alertDelaySeconds).",
    bound: .atMost, defaultThreshold: 3_600, unit: "s", scale: .seconds
  ) { metrics, findings, threshold in
    guard !findings.deadSessions.isEmpty else { return Observation(value: nil, evidence: nil, verdict: .pass) }
    for session in findings.deadSessions where session.alerted == nil {
      let silent = findings.end - session.firstNeed
      let what =
        "the session of \(session.host) was \(session.cause) at \(session.since.clock) and needed at "
        + "\(session.firstNeed.clock); no alert in the \(DurationText.approximate(silent)) that followed"
      let evidence = Evidence(time: session.since, process: nil, what: what)
      return Observation(value: nil, evidence: evidence, verdict: silent.seconds < threshold ? .unknown : .fail)
    }
    func delay(_ session: RunFindings.DeadSession) -> SimDuration { session.alerted!.time - session.firstNeed }
    let slowest = findings.deadSessions.max { delay($0) < delay($1) }!
    let what =
      "the session of \(slowest.host) was \(slowest.cause) at \(slowest.since.clock) and needed at "
      + "\(slowest.firstNeed.clock); \(slowest.alerted!.by) raised the alert at \(slowest.alerted!.time.clock)"
    return Observation(
      value: metrics.alertDelaySeconds,
      evidence: Evidence(time: slowest.alerted!.time, process: slowest.alerted!.by, what: what))
  }
}

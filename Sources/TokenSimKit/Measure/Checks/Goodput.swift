extension ConformanceCheck {
  /// The workloads get done what they asked for: cycles, work items, CLI invocations.
  static let goodput = ConformanceCheck(
    id: "goodput", label: "goodput",
    summary: "At least this share of the work the workloads demanded is done: daemon cycles that came due "
      + "(completed, failed, or skipped while the previous one waited), work items that ended, and CLI "
      + "invocations that ended (metrics.goodput). Skipped when a security event revoked a needed session.",
    bound: .atLeast, defaultThreshold: 0.95, unit: "of work", scale: .share
  ) { metrics, findings, _ in
    if let skipped = Observation.skippedAfterSecurityEvent(findings, because: "no work can be done without a new login") {
      return skipped
    }
    let what =
      "completed \(Figures.grouped(metrics.workCyclesCompleted)) of "
      + "\(Figures.grouped(metrics.workCyclesCompleted + metrics.workCyclesFailed + metrics.workCyclesSkipped)) cycles due, "
      + "\(Figures.grouped(metrics.workItemsCompleted)) of \(Figures.grouped(metrics.workItemsCompleted + metrics.workItemsDropped)) "
      + "work items, \(Figures.grouped(metrics.cliInvocationsCompleted)) of \(Figures.grouped(metrics.cliInvocations)) CLI invocations"
    return Observation(value: metrics.goodput, evidence: Evidence(time: nil, process: nil, what: what))
  }
}

import TokenSimKit

/// The few lines `tokensim run` prints after a run.
enum RunSummary {
  static func text(_ result: RunResult, wallSeconds: Double, directory: String, trace: Bool) -> String {
    let m = result.metrics
    let outcomes = m.tokenRequestsByOutcome.sorted { $0.key < $1.key }.map { "\($0.key) \(Figures.grouped($0.value))" }
    let rate = Double(result.eventsProcessed) / max(wallSeconds, 1e-9)
    var lines = [
      "\(ReportText.verdict(result.analysis.verdict)): \(result.scenario.name) × \(result.strategyName) (seed \(result.seed))",
      "  simulated \(DurationText.approximate(SimDuration(microseconds: result.simulated.microseconds))) in "
        + String(format: "%.3f", wallSeconds) + " s wall: \(Figures.grouped(result.eventsProcessed)) events "
        + "(\(Figures.rate(rate)) events/s), stopped: \(result.stopReason.rawValue)",
      "  token requests \(Figures.grouped(m.tokenRequests))"
        + (outcomes.isEmpty ? "" : " (" + outcomes.joined(separator: ", ") + ")")
        + ", peak \(Figures.grouped(m.peakTokenRequestsPerSecond))/s",
      "  reuse detections \(Figures.grouped(m.reuseDetections)), family revocations \(Figures.grouped(m.familyRevocations)), "
        + "needs-login alerts \(Figures.grouped(m.needsLoginAlerts))",
      "  API calls \(Figures.grouped(m.apiCalls)), failed \(Figures.grouped(m.apiCallsFailed)) (availability \(Figures.percent(m.availability))), "
        + "stalled \(ReportText.seconds(m.stalledSeconds)) (time availability \(Figures.percent(m.timeAvailability)))",
      "  work cycles \(Figures.grouped(m.workCyclesCompleted)) ok / \(Figures.grouped(m.workCyclesFailed)) failed, "
        + "work-loop restarts \(Figures.grouped(m.workLoopRestarts)), items \(Figures.grouped(m.workItemsCompleted)) done / "
        + "\(Figures.grouped(m.workItemsDropped)) dropped",
      "  wrote \(directory)/: report.json, report.md, junit.xml, timeline.svg, index.html" + (trace ? ", trace.jsonl" : ""),
    ]
    let failing = result.analysis.checks.filter { $0.verdict == .fail || $0.verdict == .unknown }.map { check in
      "  \(check.verdict.rawValue) \(check.id): \(ReportText.value(check.observed, of: check.id)) "
        + "(\(ReportText.threshold(check))); \(ReportText.evidence(check.evidence))"
    }
    lines.insert(contentsOf: failing, at: 1)
    if m.storeLostUpdates + m.tornReads + m.processCrashes > 0 {
      lines.insert(
        "  store lost updates \(Figures.grouped(m.storeLostUpdates)), torn reads \(Figures.grouped(m.tornReads)), "
          + "crashes \(Figures.grouped(m.processCrashes))", at: lines.count - 1)
    }
    return lines.joined(separator: "\n")
  }
}

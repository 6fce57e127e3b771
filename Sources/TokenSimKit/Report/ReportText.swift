import Foundation

/// The words and numbers every report format shares: how a check's values read, and the key
/// metrics as label-value rows.
public enum ReportText {
  /// `12`, `98.8%`, `191.7×` or `25 s`, depending on the check's unit.
  public static func value(_ value: Double?, of id: String) -> String {
    guard let value else { return "—" }
    switch CheckCatalog.check(id)?.scale {
    case .share: return Figures.percent(value)
    case .ratio: return String(format: "%.1f×", value)
    case .seconds: return seconds(value)
    case .count, nil: return Figures.grouped(Int(value.rounded()))
    }
  }

  /// `at most 0`, `at least 95.0%`, or `off`.
  public static func threshold(_ result: CheckResult) -> String {
    guard let threshold = result.threshold, let check = CheckCatalog.check(result.id) else { return "off" }
    return "\(check.bound.rawValue) \(value(threshold, of: result.id))"
  }

  /// The evidence as one line: `at 0:51.2, laptop/mount-daemon restarted …`.
  public static func evidence(_ evidence: Evidence?) -> String {
    guard let evidence else { return "" }
    let when = evidence.time.map { "at \((SimInstant.start + SimDuration(saturatingSeconds: $0)).clock), " } ?? ""
    let who = evidence.process.map { "\($0) " } ?? ""
    return when + who + evidence.what
  }

  /// Seconds for people: `0.1 s`, `25 s`, `12 min`.
  public static func seconds(_ value: Double?) -> String {
    guard let value else { return "—" }
    return DurationText.approximate(SimDuration(saturatingSeconds: value))
  }

  /// The key metrics as rows of label and value; every count through `Figures.grouped`, every
  /// duration through `seconds`.
  public static func keyMetrics(_ m: RunMetrics) -> [(String, String)] {
    let outcomes = m.tokenRequestsByOutcome.sorted { $0.key < $1.key }.map { "\($0.key) \(Figures.grouped($0.value))" }
    return [
      ("token requests", Figures.grouped(m.tokenRequests) + (outcomes.isEmpty ? "" : " (\(outcomes.joined(separator: ", ")))")),
      ("minimal refreshes, amplification", "\(Figures.grouped(m.minimalRefreshes)), " + String(format: "%.2f×", m.amplification)),
      ("peak token requests per second, in flight", counts(m.peakTokenRequestsPerSecond, m.peakConcurrentRefreshes)),
      (
        "Retry-After violations (process, shared store)",
        counts(m.retryAfterViolations.perProcess, m.retryAfterViolations.sharedStore)
      ),
      ("reuse detections, family revocations", counts(m.reuseDetections, m.familyRevocations)),
      ("API calls, failed, availability", counts(m.apiCalls, m.apiCallsFailed) + ", \(Figures.percent(m.availability))"),
      ("longest outage", seconds(m.longestOutageSeconds)),
      ("goodput (cycles, items, CLI invocations done of demanded)", Figures.percent(m.goodput)),
      ("stalled, time availability", seconds(m.stalledSeconds) + ", \(Figures.percent(m.timeAvailability))"),
      ("convergence after the last trigger", m.convergenceSeconds.map { seconds($0) } ?? "did not converge"),
      (
        "needs-login alerts (while still valid), time to alert",
        "\(Figures.grouped(m.needsLoginAlerts)) (\(Figures.grouped(m.needsLoginAlertsWhileValid))), \(seconds(m.timeToAlertSeconds))"
      ),
      (
        "work cycles ok, failed; loop restarts (most in 1 h)",
        counts(m.workCyclesCompleted, m.workCyclesFailed)
          + "; \(Figures.grouped(m.workLoopRestarts)) (\(Figures.grouped(m.mostRestartsInAnHour)))"
      ),
      ("work items done, dropped", counts(m.workItemsCompleted, m.workItemsDropped)),
      ("store lost updates, torn reads", counts(m.storeLostUpdates, m.tornReads)),
      ("metastable (load recovery)", "\(m.metastable ? "yes" : "no") (\(seconds(m.loadRecoverySeconds)))"),
    ]
  }

  /// Counts separated by commas: `23,520, 575`.
  static func counts(_ values: Int...) -> String { values.map(Figures.grouped).joined(separator: ", ") }

  /// `PASS`, `FAIL`, `UNKNOWN`.
  public static func verdict(_ verdict: CheckVerdict) -> String { verdict.rawValue.uppercased() }
}

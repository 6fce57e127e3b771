import Foundation

/// A one-paragraph, plain-language account of a run, built from its metrics and findings.
public enum RunAccount {
  /// The paragraph for `result`.
  public static func text(_ result: RunResult) -> String {
    let m = result.metrics
    let f = result.analysis.findings
    var sentences = [opening(result)]
    sentences += faults(f)
    sentences.append(requests(m))
    if let restarts = restarts(f) { sentences.append(restarts) }
    if m.reuseDetections > 0 {
      let revoked = m.familyRevocations > 0 ? "; the server revoked the family \(count(m.familyRevocations, "time"))" : ""
      sentences.append("A rotated-away refresh token was presented \(count(m.reuseDetections, "time"))\(revoked).")
    }
    sentences += credentials(m, f)
    sentences.append(calls(m, f))
    if m.metastable {
      sentences.append("Token-endpoint load stayed above its baseline long after the last fault: a metastable retry storm.")
    }
    return sentences.joined(separator: " ")
  }

  private static func opening(_ result: RunResult) -> String {
    "Over \(DurationText.approximate(SimDuration(microseconds: result.simulated.microseconds))) simulated, "
      + "\(count(result.metrics.processStarts, "process start")) ran the \(result.strategyName) strategy."
  }

  private static func faults(_ f: RunFindings) -> [String] {
    var out: [String] = []
    if !f.faultWindows.isEmpty {
      let windows = f.faultWindows.map { "\($0.effect) from \($0.from.clock) to \($0.to?.clock ?? "the end")" }
      out.append("Faults were injected: \(windows.joined(separator: ", ")).")
    }
    if !f.securityEvents.isEmpty {
      out.append("A security event revoked sessions at \(f.securityEvents.map(\.clock).joined(separator: ", ")).")
    }
    return out
  }

  private static func requests(_ m: RunMetrics) -> String {
    let outcomes = m.tokenRequestsByOutcome.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
      "\(Figures.grouped($0.value)) \($0.key)"
    }
    let detail = outcomes.isEmpty ? "" : " (\(outcomes.joined(separator: ", ")))"
    let ratio =
      m.minimalRefreshes == 0
      ? "" : String(format: ", %.1f× the ", m.amplification) + "\(Figures.grouped(m.minimalRefreshes)) a perfect client needed"
    return "The clients sent \(count(m.tokenRequests, "token request"))\(detail)\(ratio), "
      + "at most \(Figures.grouped(m.peakTokenRequestsPerSecond)) in one second."
  }

  private static func restarts(_ f: RunFindings) -> String? {
    guard let busiest = f.busiestRestarter else { return nil }
    var text = "\(busiest.name) restarted its work loop \(count(busiest.count, "time"))"
    if busiest.count > 2 {
      let every = (busiest.last - busiest.first).seconds / Double(busiest.count - 1)
      text += ", about every \(DurationText.approximate(SimDuration(microseconds: Int64(every * 1_000_000))))"
    }
    if busiest.afterRefusal * 2 > busiest.count { text += ", after presenting a refresh token the server refused" }
    return text + "."
  }

  private static func credentials(_ m: RunMetrics, _ f: RunFindings) -> [String] {
    f.deadSessions.map { session in
      let wasted =
        m.tokenRequestsOnDeadCredentials > 0
        ? " \(count(m.tokenRequestsOnDeadCredentials, "token request")) went to dead credentials." : ""
      guard let alerted = session.alerted else {
        return "The session of \(session.host) was \(session.cause) at \(session.since.clock), and nobody was told.\(wasted)"
      }
      return "The session of \(session.host) was \(session.cause) at \(session.since.clock); \(alerted.by) raised a "
        + "needs-login alert \(DurationText.approximate(alerted.time - session.since)) later.\(wasted)"
    }
  }

  private static func calls(_ m: RunMetrics, _ f: RunFindings) -> String {
    var text = "\(Figures.percent(m.availability)) of \(count(m.apiCalls, "API call")) succeeded"
    if let outage = f.longestOutage, let process = outage.process, m.longestOutageSeconds >= 1 {
      text +=
        "; the longest outage was \(process)'s, \(DurationText.approximate(.init(microseconds: Int64(m.longestOutageSeconds * 1e6))))"
    }
    if m.stalledSeconds >= 1 {
      text +=
        "; workers were stalled (failing or waiting for a token) for "
        + "\(DurationText.approximate(.init(microseconds: Int64(m.stalledSeconds * 1e6)))) in all, "
        + "\(Figures.percent(m.timeAvailability)) of their time available"
    }
    if let convergence = m.convergenceSeconds, !f.faultWindows.isEmpty || !f.securityEvents.isEmpty {
      text +=
        "; every process worked again \(DurationText.approximate(.init(microseconds: Int64(convergence * 1e6)))) after the last fault"
    }
    return text + "."
  }

  /// `1 process start`, `3 process starts`.
  static func count(_ value: Int, _ noun: String) -> String {
    let plural =
      noun.hasSuffix("s") ? noun + "es" : noun.hasSuffix("y") && !noun.hasSuffix("ey") ? noun.dropLast() + "ies" : noun + "s"
    return "\(Figures.grouped(value)) \(value == 1 ? noun : plural)"
  }
}

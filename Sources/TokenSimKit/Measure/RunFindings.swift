/// What the checks and the account of a run decide on besides the metrics: the events that
/// settle each question, and the facts needed to tell "failed" from "could not tell yet".
public struct RunFindings: Sendable {
  /// When the run stopped.
  public var end = SimInstant.start
  /// Why it stopped.
  public var stopReason = StopReason.endOfTime
  /// The first family revocation a client caused.
  public var revocation: Evidence?
  /// The first torn read or lost update.
  public var storeProblem: Evidence?
  /// The first dropped work item.
  public var droppedItem: Evidence?
  /// The first failed API call.
  public var failedCall: Evidence?
  /// The first token request sent before the sender's Retry-After deadline.
  public var retryAfterViolation: Evidence?
  /// The longest wait for a token response.
  public var longestRequest: Evidence?
  /// The longest outage.
  public var longestOutage: Evidence?
  /// The worker that took longest to recover after the last trigger, or never did.
  public var convergence: Evidence?
  /// The longest outage still open at the end of the run.
  public var openOutage: Evidence?
  /// The process with the most work-loop restarts in one hour.
  public var thrash: Evidence?
  /// Sessions that became unusable while a process still needed them.
  public var deadSessions: [DeadSession] = []
  /// Fault windows (`to` nil: open at the end).
  public var faultWindows: [(effect: String, from: SimInstant, to: SimInstant?)] = []
  /// Security events.
  public var securityEvents: [SimInstant] = []
  /// When the last fault window or security event ended (nil: there was none).
  public var lastTriggerEnd: SimInstant?
  /// Whether a fault window was still open when the run ended.
  public var triggerOpenAtEnd = false
  /// The process with the most work-loop restarts: its name, count, first and last restart, and
  /// how many followed a refused refresh.
  public var busiestRestarter: (name: String, count: Int, first: SimInstant, last: SimInstant, afterRefusal: Int)?

  /// A session that died while needed.
  public struct DeadSession: Sendable {
    /// The host whose store held it.
    public var host: String
    /// When it became unusable.
    public var since: SimInstant
    /// How.
    public var cause: String
    /// Whether a scenario security event revoked it (nothing recovers without a new login).
    public var bySecurityEvent: Bool
    /// The first time a process of its host needed it after that: the client's first chance.
    public var firstNeed: SimInstant
    /// The first alert on its host after that, and who raised it.
    public var alerted: (time: SimInstant, by: String)?
  }

  mutating func fill(
    directory: ProcessDirectory, requests: RequestFlow, outages: OutageTracker,
    convergence: (time: SimDuration?, worker: Int?)?, credentials: CredentialHealth, thrash: ThrashDetector,
    triggers: TriggerLog, retryAfter: RetryAfterTracker
  ) {
    retryAfterViolation = retryAfter.firstViolation
    faultWindows = triggers.windows.map { ($0.effect, $0.from, $0.to) }
    securityEvents = triggers.securityEvents
    lastTriggerEnd = triggers.openAtEnd ? nil : triggers.lastEnd
    triggerOpenAtEnd = triggers.openAtEnd
    if let (process, tally) = thrash.busiest {
      busiestRestarter = (directory.name(process), tally.count, tally.first, tally.last, tally.afterRefusal)
    }
    if let long = requests.longest {
      let state = long.ended ? "was answered after" : "was still unanswered after"
      longestRequest = Evidence(
        time: long.sentAt, process: long.process,
        what: "sent a token request that \(state) \(DurationText.approximate(long.duration))")
    }
    if let outage = outages.longest {
      longestOutage = Evidence(
        time: outage.from, process: directory.workers[outage.worker],
        what: "had no API call succeed for \(DurationText.approximate(outage.duration)), until \(outage.to.clock)")
    }
    if let trace = thrash.evidence {
      self.thrash = Evidence(
        time: trace.to, process: directory.name(trace.process),
        what: "restarted its work loop \(Figures.grouped(thrash.most)) times between \(trace.from.clock) and \(trace.to.clock)")
    }
    if let convergence { fillConvergence(convergence, directory: directory, outages: outages) }
    if let open = outages.longestOpen {
      openOutage = Evidence(
        time: open.from, process: directory.workers[open.worker],
        what: "had no API call succeed from then to the end of the run, \(DurationText.approximate(open.duration)) later")
    }
    deadSessions = credentials.deadAndNeeded.map { _, session in
      DeadSession(
        host: directory.hosts[session.host], since: session.deadSince!, cause: session.cause,
        bySecurityEvent: session.bySecurityEvent,
        firstNeed: session.neededAfterDeath!,
        alerted: session.alertedAt.map { ($0, session.alertedBy) })
    }
  }

  private mutating func fillConvergence(
    _ convergence: (time: SimDuration?, worker: Int?), directory: ProcessDirectory, outages: OutageTracker
  ) {
    guard let worker = convergence.worker else { return }
    let state = outages.workers[worker]
    let stalled =
      state.lastFailure.map { "last failure at \($0.clock)" } ?? "waiting for a token since \(state.waitingSince?.clock ?? "")"
    let from = outages.convergenceFrom(worker)
    let after = from > outages.triggerEnd ? "its first start at \(from.clock)" : outages.triggerEnd.clock
    let what =
      convergence.time == nil
      ? "had no API call succeed after \(after) (\(stalled))"
      : "first had an API call succeed after \(after) at \(state.recoveredAt!.clock)"
    self.convergence = Evidence(
      time: state.recoveredAt ?? state.lastFailure ?? state.waitingSince, process: directory.workers[worker], what: what)
  }
}

/// Counts computed from a trace alone, so each figure can be traced back to events.
public struct RunMetrics: Equatable, Codable, Sendable {
  /// Token requests sent.
  public var tokenRequests = 0
  /// Token requests by how they ended (`TokenOutcome` names); requests still waiting at the end,
  /// or whose process died, are counted under `noReply`.
  public var tokenRequestsByOutcome: [String: Int] = [:]
  /// The fewest token requests a perfect client would have needed for the same process lifetimes
  /// and TTLs, including the retries a correct client spends when it needs a token inside a
  /// window in which the token endpoint fails (see `MinimalRefreshes`, `TokenFaultWindows`).
  public var minimalRefreshes = 0
  /// tokenRequests / max(1, minimalRefreshes).
  public var amplification = 0.0
  /// Highest number of token requests sent in any one-second window.
  public var peakTokenRequestsPerSecond = 0
  /// Most token requests in flight at once.
  public var peakConcurrentRefreshes = 0
  /// The longest any token request waited for its answer (one still waiting at the end, or when
  /// its process died, counts until then).
  public var longestTokenRequestSeconds = 0.0
  /// Token requests sent before a known `Retry-After` deadline.
  public var retryAfterViolations = RetryAfterViolations()
  /// Presentations of a rotated-away refresh token.
  public var reuseDetections = 0
  /// Families revoked because a client reused a token (scenario security events excluded).
  public var familyRevocations = 0
  /// API calls the workloads attempted, including those that never left for lack of a token.
  public var apiCalls = 0
  /// Attempted calls that failed (no token, 401, 5xx, timeout, reset).
  public var apiCallsFailed = 0
  /// Succeeded / attempted, or 1 when no call was made.
  public var availability = 1.0
  /// The share of the workers' time (each from its first start to the end of the run) in which
  /// they were not stalled: 1 - stalledSeconds / that time, or 1 when no worker ran.
  public var timeAvailability = 1.0
  /// Daemon work cycles that completed.
  public var workCyclesCompleted = 0
  /// Daemon work cycles that failed.
  public var workCyclesFailed = 0
  /// Daemon work cycles that came due while the previous one was still under way or the loop was
  /// restarting, and did not run.
  public var workCyclesSkipped = 0
  /// CLI invocations that ended: exited (ok or with an error) or crashed.
  public var cliInvocations = 0
  /// CLI invocations that exited ok.
  public var cliInvocationsCompleted = 0
  /// The share of the work the workloads demanded that was done: (cycles completed + work items
  /// completed + CLI invocations completed) / (cycles due: completed, failed or skipped + work
  /// items ended + CLI invocations ended), or 1 without demand. Work still queued or an invocation
  /// still running at the end counts in neither.
  public var goodput = 1.0
  /// Work-loop restarts.
  public var workLoopRestarts = 0
  /// Work items completed.
  public var workItemsCompleted = 0
  /// Work items dropped (attempts exhausted, or lost in a crash).
  public var workItemsDropped = 0
  /// Needs-login alerts raised.
  public var needsLoginAlerts = 0
  /// Alerts raised while the host's session was still usable.
  public var needsLoginAlertsWhileValid = 0
  /// From a session becoming unusable to the first alert on its host (the longest, over sessions
  /// still needed); nil when one was never alerted, or none died.
  @ExplicitNull public var timeToAlertSeconds: Double?
  /// From the first time a process needed a token after its session became unusable (a call that
  /// waited, was denied or failed: the client's first chance to notice) to the first alert on its
  /// host (0 when the alert came first; the longest over sessions still needed); nil when one was
  /// never alerted, or none died. The alerts-on-dead-credentials check judges this.
  @ExplicitNull public var alertDelaySeconds: Double?
  /// Token requests sent while the host's session was already unusable (revoked, or its refresh
  /// token past the expiry the trace carries), including the refused one that showed it.
  public var tokenRequestsOnDeadCredentials = 0
  /// The longest interval in which a worker wanted to work and made no progress: its calls failed,
  /// or it waited for a token for at least `OutageTracker.waitGrace` (5 s), until a call succeeded.
  public var longestOutageSeconds = 0.0
  /// Every worker's outages (failing or waiting, as for `longestOutageSeconds`), added up.
  public var stalledSeconds = 0.0
  /// After the last fault window and security event ended (or from the start, when there were
  /// none), the time until every worker that failed after it succeeded again; nil if one never did.
  @ExplicitNull public var convergenceSeconds: Double?
  /// The longest outage still open when the run ended: a worker whose last call failed with no
  /// success after (alive then or not: a cron job that died for good), or that was still waiting
  /// (0 when every worker was working at the end).
  public var openOutageSeconds = 0.0
  /// Whether token-endpoint load stayed above the pre-trigger baseline for longer than
  /// `LoadProfile.metastableAfter` after the last trigger ended.
  public var metastable = false
  /// After the last trigger, the time until load was back to baseline (nil: never, or no trigger).
  @ExplicitNull public var loadRecoverySeconds: Double?
  /// The most work-loop restarts one process made within one hour.
  public var mostRestartsInAnHour = 0
  /// Store writes that replaced a newer refresh token with an older one.
  public var storeLostUpdates = 0
  /// Store reads that saw a half-written file.
  public var tornReads = 0
  /// Processes started (including restarts after a crash).
  public var processStarts = 0
  /// Process crashes.
  public var processCrashes = 0
  /// CLI invocations that exited with an error.
  public var processFailures = 0

  /// Token requests sent before a `Retry-After` deadline known to the sender (`perProcess`) or to
  /// any process sharing its credential store (`sharedStore`, which includes the former).
  public struct RetryAfterViolations: Codable, Equatable, Sendable {
    /// Deadline known to the sending process.
    public var perProcess = 0
    /// Deadline known to a process of the same host.
    public var sharedStore = 0
  }

  /// Empty metrics, filled by `TraceAnalyzer`.
  init() {}

  /// Adds the counts of one event (`tokenRequestsByOutcome` is filled by `TraceAnalyzer`, which
  /// counts outcomes without hashing their names). Inlined where the analyzer switches on the
  /// same event, which then tells the kind once.
  @inline(__always)
  mutating func count(_ kind: TraceKind) {
    switch kind {
    case .tokenRequestSent: tokenRequests += 1
    case .reuseDetected: reuseDetections += 1
    case .familyRevoked(_, let cause): if cause == .reuse { familyRevocations += 1 }
    case .apiCallEnded(_, let ok, _):
      apiCalls += 1
      if !ok { apiCallsFailed += 1 }
    case .callDenied:
      apiCalls += 1
      apiCallsFailed += 1
    case .workCycleEnded(_, let ok): if ok { workCyclesCompleted += 1 } else { workCyclesFailed += 1 }
    case .workCycleSkipped: workCyclesSkipped += 1
    case .workLoopRestarted: workLoopRestarts += 1
    case .workItemEnded(_, let completed, _): if completed { workItemsCompleted += 1 } else { workItemsDropped += 1 }
    case .alertRaised: needsLoginAlerts += 1
    case .storeWritten(_, _, _, let lost): if lost { storeLostUpdates += 1 }
    case .storeRead(_, _, .torn): tornReads += 1
    case .processStarted: processStarts += 1
    case .processCrashed: processCrashes += 1
    case .processExited(_, let ok): if !ok { processFailures += 1 }
    default: break
    }
  }
}

/// Counts computed from a trace alone, so each figure can be traced back to events.
public struct RunMetrics: Equatable, Codable, Sendable {
  /// Token requests sent.
  public var tokenRequests = 0
  /// Token requests by how they ended (`TokenOutcome` names); requests still waiting at the end
  /// are counted under `noReply`.
  public var tokenRequestsByOutcome: [String: Int] = [:]
  /// Highest number of token requests sent in any one-second window.
  public var peakTokenRequestsPerSecond = 0
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
  /// Daemon work cycles that completed.
  public var workCyclesCompleted = 0
  /// Daemon work cycles that failed.
  public var workCyclesFailed = 0
  /// Work-loop restarts.
  public var workLoopRestarts = 0
  /// Work items completed.
  public var workItemsCompleted = 0
  /// Work items dropped (attempts exhausted, or lost in a crash).
  public var workItemsDropped = 0
  /// Needs-login alerts raised.
  public var needsLoginAlerts = 0
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

  /// Computes the metrics of `trace` for a run that ended at `end`.
  public init(trace: [TraceEvent], end: SimInstant) {
    var sendTimes: [SimInstant] = []
    for event in trace {
      count(event.kind)
      if case .tokenRequestSent = event.kind { sendTimes.append(event.time) }
    }
    let ended = tokenRequestsByOutcome.values.reduce(0, +)
    if tokenRequests > ended { tokenRequestsByOutcome["noReply"] = tokenRequests - ended }
    availability = apiCalls == 0 ? 1 : Double(apiCalls - apiCallsFailed) / Double(apiCalls)
    peakTokenRequestsPerSecond = RunMetrics.peakPerSecond(sendTimes)
  }

  private mutating func count(_ kind: TraceKind) {
    switch kind {
    case .tokenRequestSent: tokenRequests += 1
    case .tokenRequestEnded(_, _, let outcome, _, _): tokenRequestsByOutcome[outcome.rawValue, default: 0] += 1
    case .reuseDetected: reuseDetections += 1
    case .familyRevoked(_, let cause): if cause == "reuse" { familyRevocations += 1 }
    case .apiCallEnded(_, let ok, _):
      apiCalls += 1
      if !ok { apiCallsFailed += 1 }
    case .callDenied:
      apiCalls += 1
      apiCallsFailed += 1
    case .workCycleEnded(_, let ok): if ok { workCyclesCompleted += 1 } else { workCyclesFailed += 1 }
    case .workLoopRestarted: workLoopRestarts += 1
    case .workItemEnded(_, let completed, _): if completed { workItemsCompleted += 1 } else { workItemsDropped += 1 }
    case .alertRaised: needsLoginAlerts += 1
    case .storeWritten(_, _, _, let lost): if lost { storeLostUpdates += 1 }
    case .storeRead(_, _, let result): if result == "torn" { tornReads += 1 }
    case .processStarted: processStarts += 1
    case .processCrashed: processCrashes += 1
    case .processExited(_, let ok): if !ok { processFailures += 1 }
    default: break
    }
  }

  /// The most instants of `times` (sorted) inside any window of one second.
  static func peakPerSecond(_ times: [SimInstant]) -> Int {
    var peak = 0
    var start = 0
    for (index, time) in times.enumerated() {
      while time - times[start] >= .seconds(1) { start += 1 }
      peak = max(peak, index - start + 1)
    }
    return peak
  }
}

/// Folds a trace, one event at a time, into the metrics, the timeline and the findings the checks
/// decide on. Nothing else feeds it: every figure of a report comes from the trace.
struct TraceAnalyzer {
  private var metrics = RunMetrics()
  private var directory = ProcessDirectory()
  private var requests = RequestFlow()
  private var retryAfter = RetryAfterTracker()
  private var outages = OutageTracker()
  private var credentials = CredentialHealth()
  private var minimal = MinimalRefreshes()
  private var thrash = ThrashDetector()
  private var triggers = TriggerLog()
  private var load = LoadProfile()
  private var timeline: TimelineBuilder
  private var findings = RunFindings()
  private var lastServed: Int?
  private var lastTokenOutcome = SerialTable<TokenOutcome>()

  /// An analyzer for a run of `duration`; `restartingCLIs` names the CLI workers (`host/tool`)
  /// restarted after a crash, when the scenario is known, so that other crashed invocations are
  /// forgotten at once; `expectedWorkers`, when known, is how many workers the run has, so
  /// that the per-worker tables are made room for once, not copied as they grow.
  init(duration: SimDuration, restartingCLIs: Set<String>? = nil, expectedWorkers: Int = 0) {
    timeline = TimelineBuilder(duration: duration)
    timeline.expectedWorkers = expectedWorkers
    outages.expectedWorkers = expectedWorkers
    directory = ProcessDirectory(restartingCLIs: restartingCLIs)
  }

  /// How many workers the run was said to have (0: not said).
  var expectedWorkers: Int { timeline.expectedWorkers }

  /// How many workers have been seen so far (for tests that check the hint above).
  var workersSeen: Int { directory.workers.count }

  /// How many pages of process entries the directory keeps (for tests that count what is held).
  var processPagesKept: Int { directory.pagesKept }

  mutating func observe(_ event: TraceEvent) { observe(event.kind, at: event.time) }

  /// Folds in an event of `kind` at `time`. A simulated world gives a CLI invocation's start a
  /// `cliKey`, a small number of its CLI (its template): invocations with the same key are one
  /// worker, found by the key without reading their names, and each is named by its worker and
  /// its process number (`NumberedName`), as the world builds the name, so that the name need not
  /// be read to know it. A trace read from a file has none.
  ///
  /// Inlined: an event that is only counted (`isOnlyCounted`) is counted where it is recorded,
  /// which usually knows its kind, so that the test and the count are decided there and the fold
  /// is not called.
  @inline(__always)
  mutating func observe(_ kind: TraceKind, at time: SimInstant, cliKey: Int? = nil) {
    timeline.advance(to: time)
    metrics.count(kind)
    if !Self.isOnlyCounted(kind) { fold(kind, at: time, cliKey: cliKey) }
  }

  /// Whether an event of `kind` only adds to the metrics' counts: `fold` has nothing else to do
  /// with it (its `default` case). A kind left out here is folded, which is always right.
  @inline(__always)
  private static func isOnlyCounted(_ kind: TraceKind) -> Bool {
    switch kind {
    case .reuseDetected, .lock, .workCycleEnded, .workCycleSkipped, .schedulerArmFailed: true
    case .storeRead(_, _, let result): result != .torn
    case .storeWritten(_, _, _, let lostUpdate): !lostUpdate
    case .workItemEnded(_, let completed, _): completed
    default: false
    }
  }

  /// What `observe` does beyond advancing the timeline and counting, for every event but those
  /// only counted.
  private mutating func fold(_ kind: TraceKind, at time: SimInstant, cliKey: Int?) {
    switch kind {
    case .login(let host, let family, let ttl, let expiry):
      let hostNumber = directory.hostNumber(named: host)
      credentials.login(host: hostNumber, family: family, expiry: expiry, at: time)
      minimal.login(host: hostNumber, ttl: ttl, at: time)
    case .processStarted(let process, let name, let role, let host):
      started(process, name: name, role: role, host: host, cliKey: cliKey, at: time)
    case .processExited(let process, let ok):
      ended(process, exited: true, ok: ok, at: time)
    case .processCrashed(let process): ended(process, exited: false, ok: false, at: time)
    case .tokenRequestSent(let process, let request, _): sent(request, by: process, at: time)
    case .tokenRequestServed(let request, let decision, let family, let expiry):
      lastServed = request
      credentials.served(decision: decision, family: family, expiry: expiry, at: time)
    case .tokenRequestEnded(let process, let request, let outcome, _, let header):
      requestEnded(request, process: process, outcome: outcome, retryAfter: header, at: time)
    case .familyRevoked(let family, let cause): revoked(family: family, cause: cause, at: time)
    case .refreshForced(let process):
      if let host = directory.host(of: process) { minimal.forced(host: host, at: time) }
    case .callDenied(let process): call(process, ok: false, failure: "was denied a token for an API call", at: time)
    case .callWaiting(let process):
      guard let entry = directory.entry(process) else { break }
      outages.waiting(worker: entry.worker, at: time)
      credentials.wantedWork(host: entry.host, at: time)
    case .apiCallEnded(let process, let ok, let status):
      call(process, ok: ok, failure: "had an API call fail (\(status.map { "status \($0)" } ?? "no answer"))", at: time)
    case .storeRead(let process, _, .torn):
      findings.storeProblem.keepFirst(time, directory.name(process), "read a torn store file")
    case .storeWritten(let process, _, _, true):
      findings.storeProblem.keepFirst(
        time, directory.name(process), "replaced a newer refresh token in the store with an older one")
    case .workLoopRestarted(let process):
      thrash.restarted(process: process, afterRefusal: lastTokenOutcome[process] == .invalidGrant, at: time)
      timeline.workLoopRestarted()
    case .workItemEnded(let process, false, 0):
      findings.droppedItem.keepFirst(time, directory.name(process), "dropped a work item arriving at its full queue")
    case .workItemEnded(let process, false, let attempts):
      findings.droppedItem.keepFirst(time, directory.name(process), "dropped a work item after \(attempts) attempt(s)")
    case .alertRaised(let process, _): alert(process, at: time)
    case .faultWindow(let rule, let fault, let open):
      let name = fault.effect.name
      minimal.faultWindow(rule: rule, fault: fault, open: open, at: time)
      triggers.faultWindow(rule: rule, effect: name, open: open, at: time)
      timeline.faultWindow(rule: rule, effect: name, open: open)
      if !open { outages.triggerEnded(at: time) }
    case .securityEvent:
      triggers.securityEvent(at: time)
      timeline.securityEvent()
      outages.triggerEnded(at: time)
    case .hostSuspension(let host, let suspended): outages.hostSuspension(host: host, suspended: suspended, at: time)
    case .runEnded(let reason):
      findings.stopReason = reason
      findings.end = time
    default: break
    }
  }

  private mutating func started(
    _ process: Int, name: String, role: ProcessRole, host: String, cliKey: Int?, at time: SimInstant
  ) {
    var start = directory.start(process, name: name, role: role, host: host, cliKey: cliKey)
    // Only a process the directory knows can have been told a Retry-After deadline.
    if start.known { retryAfter.forget(process: process) }
    if role != .broker {
      minimal.started(host: start.host, at: time)
      outages.started(worker: start.worker, host: host, at: time)
    }
    timeline.started(&start.mark, worker: start.worker, firstOfWorker: start.first)
    directory.keep(start, of: process)
  }

  private mutating func ended(_ process: Int, exited: Bool, ok: Bool, at time: SimInstant) {
    guard var entry = directory.entry(process), entry.alive else { return }
    if let gone = requests.processGone(process, name: directory.name(process), at: time) {
      for sentAt in gone { timeline.tokenRequestEnded(sentAt: sentAt, outcome: nil) }
    }
    let last = directory.liveCount[entry.worker] == 1
    timeline.ended(&entry.mark, worker: entry.worker, lastOfWorker: last)
    directory.ended(process, entry: entry, exited: exited)
    if entry.role == .cli {
      metrics.cliInvocations += 1
      if ok { metrics.cliInvocationsCompleted += 1 }
    }
    outages.ended(worker: entry.worker, at: time)
    lastTokenOutcome.remove(process)
    retryAfter.forget(process: process)
    if entry.role != .broker { minimal.ended(host: entry.host, at: time) }
  }

  private mutating func sent(_ request: Int, by process: Int, at time: SimInstant) {
    let host = directory.host(of: process)
    requests.sent(request: request, process: process, at: time)
    retryAfter.sent(process: process, name: directory.name(process), host: host, at: time)
    credentials.tokenRequestSent(host: host, at: time)
    load.sent(at: time)
  }

  private mutating func requestEnded(
    _ request: Int, process: Int, outcome: TokenOutcome, retryAfter header: String?, at time: SimInstant
  ) {
    let sentAt = requests.ended(request: request, name: directory.name(process), at: time) ?? time
    timeline.tokenRequestEnded(sentAt: sentAt, outcome: outcome)
    // Read before written: a process refused again and again (a dead credential's loop) keeps its
    // outcome, and a read costs a fraction of a write.
    if lastTokenOutcome[process] != outcome { lastTokenOutcome[process] = outcome }
    if let header, let host = directory.host(of: process) {
      retryAfter.told(header, process: process, host: host, at: time)
    }
  }

  private mutating func revoked(family: Int, cause: RevocationCause, at time: SimInstant) {
    credentials.revoked(family: family, cause: cause, at: time)
    if let host = credentials.sessions[family]?.host { minimal.revoked(host: host, at: time) }
    guard cause == .reuse else { return }
    let process = lastServed.flatMap { requests.sender(of: $0) }.map(directory.name)
    findings.revocation.keepFirst(time, process, "presented a rotated-away refresh token and the server revoked the family")
  }

  private mutating func call(_ process: Int, ok: Bool, failure: @autoclosure () -> String, at time: SimInstant) {
    guard var entry = directory.entry(process) else { return }
    let worker = entry.worker
    if let wait = outages.call(worker: worker, ok: ok, at: time) {
      timeline.waited(worker: worker, from: wait.from, to: wait.to)
    }
    let mark = entry.mark
    timeline.call(&entry.mark, worker: worker, ok: ok)
    if entry.mark != mark { directory.setMark(entry.mark, of: process) }
    // A call that succeeds needed no refresh: an expired refresh token is no concern of a client
    // whose access token still works, so only a failed or denied call is a chance to notice.
    guard !ok else { return }
    credentials.wantedWork(host: entry.host, at: time)
    findings.failedCall.keepFirst(time, directory.name(process), failure())
  }

  private mutating func alert(_ process: Int, at time: SimInstant) {
    guard var entry = directory.entry(process) else { return }
    credentials.alert(host: entry.host, process: directory.name(process), at: time)
    timeline.alert(&entry.mark, worker: entry.worker)
    directory.setMark(entry.mark, of: process)
  }

  /// The metrics, the timeline and the findings once every event was observed.
  mutating func finish() -> (RunMetrics, Timeline, RunFindings) {
    let end = findings.end
    for sentAt in requests.finish(end: end, name: directory.name) {
      timeline.tokenRequestEnded(sentAt: sentAt, outcome: nil)
    }
    minimal.finish(end: end)
    load.finish(end: end)
    for wait in outages.finish(end: end, live: { directory.liveCount[$0] > 0 }) {
      timeline.waited(worker: wait.worker, from: wait.from, to: wait.to)
    }
    let convergence = triggers.openAtEnd ? nil : outages.convergence()
    fillMetrics(end: end)
    metrics.convergenceSeconds = convergence?.time?.seconds
    findings.fill(
      directory: directory, requests: requests, outages: outages, convergence: convergence, credentials: credentials,
      thrash: thrash, triggers: triggers, retryAfter: retryAfter)
    let buckets = timeline.finish()
    let lanes = LaneGrouping.lanes(cells: timeline.cells, workers: directory.workers, buckets: buckets.count)
    return (metrics, Timeline(bucketSeconds: timeline.width.seconds, buckets: buckets, lanes: lanes), findings)
  }

  private mutating func fillMetrics(end: SimInstant) {
    for (outcome, count) in zip(TokenOutcome.allCases, timeline.endedByOutcome) where count > 0 {
      metrics.tokenRequestsByOutcome[outcome.rawValue] = count
    }
    let ended = metrics.tokenRequestsByOutcome.values.reduce(0, +)
    if metrics.tokenRequests > ended {
      metrics.tokenRequestsByOutcome[TimelineBuilder.noReply] = metrics.tokenRequests - ended
    }
    metrics.availability =
      metrics.apiCalls == 0 ? 1 : Double(metrics.apiCalls - metrics.apiCallsFailed) / Double(metrics.apiCalls)
    metrics.minimalRefreshes = minimal.count
    let done = metrics.workCyclesCompleted + metrics.workItemsCompleted + metrics.cliInvocationsCompleted
    let demand =
      metrics.workCyclesCompleted + metrics.workCyclesFailed + metrics.workCyclesSkipped + metrics.workItemsCompleted
      + metrics.workItemsDropped + metrics.cliInvocations
    metrics.goodput = demand == 0 ? 1 : Double(done) / Double(demand)
    // A request sent at the very end needs nothing the perfect count (which stops before the end)
    // covers, so it is not held against the client.
    let atEnd = requests.lastSentAt == end ? requests.sentAtLast : 0
    metrics.amplification = Double(metrics.tokenRequests - atEnd) / Double(max(1, minimal.count))
    metrics.peakTokenRequestsPerSecond = requests.peakPerSecond
    metrics.peakConcurrentRefreshes = requests.peakConcurrent
    metrics.longestTokenRequestSeconds = requests.longest?.duration.seconds ?? 0
    metrics.retryAfterViolations = .init(perProcess: retryAfter.perProcess, sharedStore: retryAfter.sharedStore)
    metrics.needsLoginAlertsWhileValid = credentials.alertsWhileValid
    metrics.timeToAlertSeconds = credentials.timeToAlert?.seconds
    metrics.alertDelaySeconds = credentials.alertDelay?.seconds
    metrics.tokenRequestsOnDeadCredentials = credentials.requestsOnDeadCredentials
    metrics.longestOutageSeconds = outages.longest?.duration.seconds ?? 0
    metrics.stalledSeconds = outages.stalled.seconds
    metrics.timeAvailability =
      outages.workerTime == .zero ? 1 : max(0, 1 - outages.stalled.seconds / outages.workerTime.seconds)
    metrics.openOutageSeconds = outages.longestOpen?.duration.seconds ?? 0
    metrics.mostRestartsInAnHour = thrash.most
    if let first = triggers.firstStart, let last = triggers.lastEnd, !triggers.openAtEnd,
      let recovery = load.recovery(firstStart: first, lastEnd: last)
    {
      metrics.loadRecoverySeconds = recovery.time?.seconds
      let elevatedFor = recovery.time ?? (end - last)
      metrics.metastable = elevatedFor > LoadProfile.metastableAfter
    }
  }
}

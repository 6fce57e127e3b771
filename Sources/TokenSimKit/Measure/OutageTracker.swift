/// Follows each worker's progress: the stretches in which it wanted to work and made none (its
/// calls failed, or it waited for a token at least `waitGrace`), their total, and, for
/// convergence, which workers were stalled at or after the latest trigger end and when each first
/// had a call succeed after it.
struct OutageTracker {
  /// A wait for a token shorter than this is latency, not an outage: it covers a store read, a
  /// contended lock and a token request at ordinary latencies, while the shortest stall the seeds
  /// describe (seed 003's 24–36 s throttle before a required refresh) is well above it. A wait
  /// that reaches it counts from its start, and a wait that ends in a failed call always counts.
  static let waitGrace = SimDuration.seconds(5)

  /// One worker's calls.
  struct Worker {
    /// Since its first failed call with no success after (or since the wait that led to it).
    @CompactInstant var failingSince: SimInstant? = nil
    /// Since it began waiting for a token, with no call ended since.
    @CompactInstant var waitingSince: SimInstant? = nil
    @CompactInstant var lastFailure: SimInstant? = nil
    var lastAttempt: SimInstant = .start
    /// When its first process started.
    @CompactInstant var firstStart: SimInstant? = nil
    /// The first success after the latest trigger end.
    @CompactInstant var recoveredAt: SimInstant? = nil
    /// Stalled at the latest trigger end, or stalled after it before succeeding.
    var affected = false

    /// A call ended (`ok`), or was denied, at `time`. Returns the wait it ended, when that counts
    /// (reported: a failed call's always, a good call's once it reached `waitGrace`), and the
    /// start of the outage a good call closed. One access to the worker's record, not one a field.
    @inline(__always)
    mutating func callEnded(ok: Bool, at time: SimInstant) -> (
      wait: (from: SimInstant, to: SimInstant)?, closed: SimInstant?
    ) {
      lastAttempt = time
      // The usual call: a success of a worker neither waiting nor failing, and recovered since the
      // latest trigger already. Nothing else changes.
      if ok, waitingSince == nil, failingSince == nil, recoveredAt != nil { return (nil, nil) }
      let wait = waitingSince.map { (from: $0, to: time) }
      waitingSince = nil
      guard ok else {
        if failingSince == nil { failingSince = wait?.from ?? time }
        lastFailure = time
        if recoveredAt == nil { affected = true }
        return (wait, nil)
      }
      let waitedLong = wait.map { $0.to - $0.from >= OutageTracker.waitGrace } ?? false
      let closed = failingSince ?? (waitedLong ? wait?.from : nil)
      failingSince = nil
      if recoveredAt == nil {
        if waitedLong { affected = true }
        recoveredAt = time
      }
      return (waitedLong ? wait : nil, closed)
    }
  }

  private(set) var workers: [Worker] = []
  /// How many workers the run has, when known (a capacity hint: 0 when not).
  var expectedWorkers = 0
  /// The latest trigger end seen so far (the start before any).
  private(set) var triggerEnd = SimInstant.start
  private(set) var longest: (duration: SimDuration, worker: Int, from: SimInstant, to: SimInstant)?
  /// The longest outage of a live worker still open when the run ended.
  private(set) var longestOpen: (duration: SimDuration, worker: Int, from: SimInstant)?
  /// The outages of every worker, added up.
  private(set) var stalled = SimDuration.zero
  /// From each worker's first start to the end of the run, added up (set by `finish`).
  private(set) var workerTime = SimDuration.zero
  /// Hosts suspended now, and since when.
  private var suspendedSince: [String: SimInstant] = [:]
  /// The workers of each host, so that a suspension looks at its own host's workers only.
  private var workersOfHost: [String: [Int]] = [:]

  /// A process of `worker` started. Inlined: only its worker's first start has anything to do.
  @inline(__always)
  mutating func started(worker: Int, host: String, at time: SimInstant) {
    ensure(worker)
    guard workers[worker].firstStart == nil else { return }
    firstStarted(worker: worker, host: host, at: time)
  }

  /// The first process of `worker` started.
  private mutating func firstStarted(worker: Int, host: String, at time: SimInstant) {
    workers[worker].firstStart = time
    workersOfHost[host, default: []].append(worker)
  }

  /// `host` was suspended (`suspended`) or resumed. Its workers want nothing while it sleeps: a
  /// stall that spans the suspension is counted without it.
  mutating func hostSuspension(host: String, suspended: Bool, at time: SimInstant) {
    guard !suspended else {
      suspendedSince[host] = time
      return
    }
    guard let since = suspendedSince.removeValue(forKey: host) else { return }
    // A stall that began before the suspension resumes with it; one that began during it (a
    // process started while the host slept) begins at the resume.
    func awake(_ from: SimInstant) -> SimInstant { from <= since ? from + (time - since) : time }
    for index in workersOfHost[host] ?? [] {
      workers[index].waitingSince = workers[index].waitingSince.map(awake)
      workers[index].failingSince = workers[index].failingSince.map(awake)
    }
  }

  /// A call of `worker` has to wait for a token.
  @inline(__always)
  mutating func waiting(worker: Int, at time: SimInstant) {
    ensure(worker)
    guard workers[worker].failingSince == nil, workers[worker].waitingSince == nil else { return }
    workers[worker].waitingSince = time
  }

  /// A call of `worker` ended (`ok`), or was denied for lack of a token. Returns the wait it
  /// ended, when that wait counts as an outage. Inlined: every API call comes here, and nearly
  /// every one only notes its time.
  @discardableResult
  @inline(__always)
  mutating func call(worker: Int, ok: Bool, at time: SimInstant) -> (from: SimInstant, to: SimInstant)? {
    ensure(worker)
    let (wait, closed) = workers[worker].callEnded(ok: ok, at: time)
    if let closed { close(worker, from: closed, to: time) }
    return wait
  }

  /// A process of `worker` ended: a wait it was in lasted until now.
  @inline(__always)
  mutating func ended(worker: Int, at time: SimInstant) {
    guard worker < workers.count, workers[worker].waitingSince != nil else { return }
    workers[worker].lastAttempt = time
  }

  /// A fault window closed or a security event happened: convergence is measured from here.
  mutating func triggerEnded(at time: SimInstant) {
    triggerEnd = time
    for index in workers.indices {
      workers[index].affected = workers[index].failingSince != nil || workers[index].waitingSince != nil
      workers[index].recoveredAt = nil
    }
  }

  /// Closes outages still open at `end`. A worker whose last call failed, with no success after,
  /// is out until the end whether or not a process of it is alive then (a cron job that died for
  /// good fails every invocation and exits); a wait lasts until the end while its process lives,
  /// else until the process ended. Returns the waits that count, by worker.
  mutating func finish(end: SimInstant, live: (Int) -> Bool) -> [(worker: Int, from: SimInstant, to: SimInstant)] {
    var waits: [(worker: Int, from: SimInstant, to: SimInstant)] = []
    for index in workers.indices {
      if let first = workers[index].firstStart, end > first { workerTime = workerTime + (end - first) }
      let waitEnd = live(index) ? end : workers[index].lastAttempt
      let wait = workers[index].waitingSince.flatMap { waitEnd - $0 >= Self.waitGrace ? $0 : nil }
      if let wait {
        waits.append((index, wait, waitEnd))
        if workers[index].recoveredAt == nil { workers[index].affected = true }
      }
      let open = workers[index].failingSince.map { ($0, end) } ?? wait.map { ($0, waitEnd) }
      guard let (since, stop) = open else { continue }
      close(index, from: since, to: stop)
      if stop == end, end - since > (longestOpen?.duration ?? .zero) { longestOpen = (end - since, index, since) }
    }
    return waits
  }

  /// Time from the latest trigger end until every affected worker had a call succeed: nil and
  /// the worker that never did, or the time and the worker that took longest (nil when none was
  /// affected). A worker first started after the trigger end is timed from its start: how long
  /// it took to work is its own, not time since a fault it never saw.
  func convergence() -> (time: SimDuration?, worker: Int?) {
    var slowest: (SimDuration, Int)?
    for (index, worker) in workers.enumerated() where worker.affected {
      guard let recovered = worker.recoveredAt else { return (nil, index) }
      let took = recovered - convergenceFrom(index)
      if took > (slowest?.0 ?? SimDuration(microseconds: -1)) { slowest = (took, index) }
    }
    return (slowest?.0 ?? .zero, slowest?.1)
  }

  /// Where `worker`'s convergence is timed from: the latest trigger end, or its first start when
  /// that came later.
  func convergenceFrom(_ worker: Int) -> SimInstant {
    max(triggerEnd, workers[worker].firstStart ?? triggerEnd)
  }

  /// Makes `worker`'s record exist: a comparison on every call, the growth out of line.
  @inline(__always)
  private mutating func ensure(_ worker: Int) {
    workers.extend(through: worker, with: Worker(), expecting: expectedWorkers)
  }

  private mutating func close(_ worker: Int, from: SimInstant, to: SimInstant) {
    if to > from { stalled = stalled + (to - from) }
    guard to - from > (longest?.duration ?? .zero) else { return }
    longest = (to - from, worker, from, to)
  }
}

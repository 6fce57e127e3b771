/// Follows each worker's API calls: the longest stretch in which it wanted to work and no call of
/// its succeeded, and, for convergence, which workers were failing at or after the latest trigger
/// end and when each first had a call succeed after it.
struct OutageTracker {
  /// One worker's calls.
  struct Worker {
    var failingSince: SimInstant?
    var lastFailure: SimInstant?
    var lastAttempt: SimInstant = .start
    /// Failing at the latest trigger end, or failed after it before succeeding.
    var affected = false
    /// The first success after the latest trigger end.
    var recoveredAt: SimInstant?
  }

  private(set) var workers: [Worker] = []
  /// The latest trigger end seen so far (the start before any).
  private(set) var triggerEnd = SimInstant.start
  private(set) var longest: (duration: SimDuration, worker: Int, from: SimInstant, to: SimInstant)?
  /// The longest outage of a live worker still open when the run ended.
  private(set) var longestOpen: (duration: SimDuration, worker: Int, from: SimInstant)?

  /// A call of `worker` ended (`ok`), or was denied for lack of a token.
  mutating func call(worker: Int, ok: Bool, at time: SimInstant) {
    while workers.count <= worker { workers.append(Worker()) }
    workers[worker].lastAttempt = time
    if ok {
      if let since = workers[worker].failingSince { close(worker, from: since, to: time) }
      workers[worker].failingSince = nil
      if workers[worker].recoveredAt == nil { workers[worker].recoveredAt = time }
    } else {
      if workers[worker].failingSince == nil { workers[worker].failingSince = time }
      workers[worker].lastFailure = time
      if workers[worker].recoveredAt == nil { workers[worker].affected = true }
    }
  }

  /// A fault window closed or a security event happened: convergence is measured from here.
  mutating func triggerEnded(at time: SimInstant) {
    triggerEnd = time
    for index in workers.indices {
      workers[index].affected = workers[index].failingSince != nil
      workers[index].recoveredAt = nil
    }
  }

  /// Closes outages still open at `end`: a worker with a live process was still waiting then;
  /// one without was last waiting at its last attempt.
  mutating func finish(end: SimInstant, live: (Int) -> Bool) {
    for index in workers.indices {
      guard let since = workers[index].failingSince else { continue }
      close(index, from: since, to: live(index) ? end : workers[index].lastAttempt)
      if live(index), end - since > (longestOpen?.duration ?? .zero) { longestOpen = (end - since, index, since) }
    }
  }

  /// Time from the latest trigger end until every affected worker had a call succeed: nil and
  /// the worker that never did, or the time and the worker that took longest (nil when none was
  /// affected).
  func convergence() -> (time: SimDuration?, worker: Int?) {
    var slowest: (SimDuration, Int)?
    for (index, worker) in workers.enumerated() where worker.affected {
      guard let recovered = worker.recoveredAt else { return (nil, index) }
      if recovered - triggerEnd > (slowest?.0 ?? SimDuration(microseconds: -1)) { slowest = (recovered - triggerEnd, index) }
    }
    return (slowest?.0 ?? .zero, slowest?.1)
  }

  private mutating func close(_ worker: Int, from: SimInstant, to: SimInstant) {
    guard to - from > (longest?.duration ?? .zero) else { return }
    longest = (to - from, worker, from, to)
  }
}

/// Folds trace events into a `Timeline`, one bucket at a time.
struct TimelineBuilder {
  /// What a worker did in one bucket, one byte: whether a call succeeded, whether one failed,
  /// whether it was running, whether a needs-login alert stood, whether it waited for a token.
  /// A lane's state needs no more (`LaneGrouping`), and a fleet of 100,000 workers keeps one cell
  /// per worker and bucket.
  struct Cell: OptionSet {
    let rawValue: UInt8
    static let ok = Cell(rawValue: 1)
    static let failed = Cell(rawValue: 2)
    static let alive = Cell(rawValue: 4)
    static let alerted = Cell(rawValue: 8)
    /// Waiting for a token, in a wait that counts as an outage.
    static let waiting = Cell(rawValue: 16)
  }

  let width: SimDuration
  private(set) var buckets: [Timeline.Bucket]
  /// Per worker, per bucket: worker `w`'s cells are `cells[w * buckets.count ..< (w + 1) * buckets.count]`,
  /// for the workers touched so far.
  private(set) var cells: [Cell] = []
  /// How many workers the run has, when known (a capacity hint: 0 when not).
  var expectedWorkers = 0
  /// Processes with a health mark, and those healthy without a standing alert: a bucket's counts.
  private var alive = 0
  private var healthyUnalerted = 0
  /// Standing alerts per worker, for the workers that have one.
  private var alertsOfWorker: [Int: Int] = [:]
  /// Per worker, the bucket from which its first live process has been alive.
  private var aliveFrom: [Int?] = []
  private var openFaults: [Int: String] = [:]
  private var current = 0
  /// The current bucket's counts, put into it when it closes: an event adds to a number here
  /// rather than write an element of `buckets`.
  private var counts = BucketCounts()
  /// Where the bucket after `current` starts (never, for the last): an event before it moves
  /// nothing.
  private var nextStart = SimInstant.start
  /// Token requests by the bucket they were sent in and how they ended: `outcomeCounts[bucket *
  /// outcomeNames.count + outcome]`, the outcome indexed as in `outcomeNames`. Counted, and put
  /// into the buckets' dictionaries only by `finish`, so that no outcome name is hashed per request.
  private var outcomeCounts: [Int]
  /// `TokenOutcome`'s names, then `noReply`.
  private static let outcomeNames = TokenOutcome.allCases.map(\.rawValue) + [noReply]
  /// `outcomeNames.count`, as a constant: reading the list's count on every token request ended
  /// would first check that the list was made.
  private static var outcomeSlots: Int { TokenOutcome.connectionError.ordinal + 2 }
  /// How a token request that got no reply is counted (its process died, or it was still
  /// waiting at the end).
  static let noReply = "noReply"

  init(duration: SimDuration) {
    let width = Timeline.width(for: duration)
    let count = max(1, Int((duration.microseconds + width.microseconds - 1) / width.microseconds))
    self.width = width
    buckets = (0..<count).map { Timeline.Bucket(start: Double(Int64($0) * width.microseconds) / 1_000_000) }
    precondition(Self.outcomeSlots == Self.outcomeNames.count, "every outcome and noReply has a slot")
    outcomeCounts = Array(repeating: 0, count: count * Self.outcomeSlots)
    nextStart = startOfBucket(after: 0)
  }

  private func startOfBucket(after index: Int) -> SimInstant {
    index + 1 < buckets.count ? SimInstant(microseconds: Int64(index + 1) * width.microseconds) : .never
  }

  func bucket(_ time: SimInstant) -> Int { min(buckets.count - 1, max(0, Int(time.microseconds / width.microseconds))) }

  /// Moves to the bucket of `time`, closing the ones passed.
  mutating func advance(to time: SimInstant) {
    guard time >= nextStart else { return }
    let target = bucket(time)
    while current < target { close(current) }
  }

  /// A token request sent at `sentAt` ended with `outcome` (nil: no reply).
  mutating func tokenRequestEnded(sentAt: SimInstant, outcome: TokenOutcome?) {
    let index = outcome?.ordinal ?? Self.outcomeSlots - 1
    outcomeCounts[bucket(sentAt) * Self.outcomeSlots + index] += 1
  }

  /// A process of `worker`, marked `mark`, made a call that succeeded (`ok`) or failed.
  @inline(__always)
  mutating func call(_ mark: inout ProcessMark, worker: Int, ok: Bool) {
    if ok {
      counts.apiCallsOK += 1
      touch(worker, .ok)
    } else {
      counts.apiCallsFailed += 1
      touch(worker, .failed)
    }
    // Most calls change nothing: a healthy process without an alert succeeds again.
    guard mark.healthy != ok || (ok && mark.alerted) else { return }
    change(&mark, of: worker) {
      $0.healthy = ok
      if ok { $0.alerted = false }
    }
  }

  /// `worker` waited for a token from `from` to `to`, long enough to count as an outage.
  mutating func waited(worker: Int, from: SimInstant, to: SimInstant) {
    for index in bucket(from)...bucket(to) { touchAt(worker, index, .waiting) }
  }

  /// A process of `worker`, marked `mark`, started; the first live one of its worker when
  /// `firstOfWorker`.
  @inline(__always)
  mutating func started(_ mark: inout ProcessMark, worker: Int, firstOfWorker: Bool) {
    change(&mark, of: worker) { $0.healthy = true }
    guard firstOfWorker else { return }
    aliveFrom.extend(through: worker, with: nil)
    aliveFrom[worker] = current
  }

  /// A process of `worker`, marked `mark`, ended; its worker has no live one left when
  /// `lastOfWorker`.
  mutating func ended(_ mark: inout ProcessMark, worker: Int, lastOfWorker: Bool) {
    change(&mark, of: worker) { $0 = ProcessMark() }
    guard lastOfWorker, worker < aliveFrom.count, let from = aliveFrom[worker] else { return }
    aliveFrom[worker] = nil
    markAlive(worker, from: from, to: current)
  }

  /// A process of `worker`, marked `mark`, raised a needs-login alert.
  mutating func alert(_ mark: inout ProcessMark, worker: Int) {
    change(&mark, of: worker) { $0.alerted = true }
    counts.alertsRaised += 1
    touch(worker, .alerted)
  }

  mutating func faultWindow(rule: Int, effect: String, open: Bool) {
    if open {
      openFaults[rule] = effect
      addFault(effect, to: current)
    } else {
      openFaults[rule] = nil
    }
  }

  mutating func securityEvent() { counts.securityEvents += 1 }

  mutating func workLoopRestarted() { counts.workLoopRestarts += 1 }

  /// Token requests ended so far with each outcome, in `TokenOutcome.allCases` order (those
  /// without a reply left out): the buckets' counts added up. Read before `finish`, which
  /// moves the counts into the buckets.
  var endedByOutcome: [Int] {
    precondition(!outcomeCounts.isEmpty, "endedByOutcome is read before finish() empties the counts")
    return TokenOutcome.allCases.indices.map { outcome in
      stride(from: outcome, to: outcomeCounts.count, by: Self.outcomeSlots).reduce(0) { $0 + outcomeCounts[$1] }
    }
  }

  /// Closes every bucket up to the end.
  mutating func finish() -> [Timeline.Bucket] {
    while current < buckets.count - 1 { close(current) }
    close(current)
    for (slot, count) in outcomeCounts.enumerated() where count > 0 {
      let names = Self.outcomeNames
      buckets[slot / names.count].tokenRequests[names[slot % names.count], default: 0] += count
    }
    outcomeCounts = []
    for (worker, from) in aliveFrom.enumerated() {
      if let from { markAlive(worker, from: from, to: buckets.count - 1) }
    }
    return buckets
  }

  private mutating func close(_ index: Int) {
    counts.add(to: &buckets[index])
    counts = BucketCounts()
    buckets[index].processesAlive = alive
    buckets[index].processesHealthy = healthyUnalerted
    guard index + 1 < buckets.count else { return }
    current = index + 1
    nextStart = startOfBucket(after: current)
    for effect in openFaults.values.sorted() { addFault(effect, to: current) }
    for worker in alertsOfWorker.keys.sorted() { touchAt(worker, current, .alerted) }
  }

  /// Changes `mark`, of a process of `worker`, by `body`, keeping the counts and the alerts per
  /// worker. Inlined, so that `body` is too: each start, end and change of health comes here.
  @inline(__always)
  private mutating func change(_ mark: inout ProcessMark, of worker: Int, _ body: (inout ProcessMark) -> Void) {
    let before = mark
    body(&mark)
    alive += mark.aliveCount - before.aliveCount
    healthyUnalerted += mark.healthyUnalertedCount - before.healthyUnalertedCount
    // The alerts per worker change only when the alert does (rarely): no hashing otherwise.
    guard before.alerted != mark.alerted else { return }
    alertChanged(of: worker, alerted: mark.alerted)
  }

  /// A process of `worker` raised an alert (`alerted`), or its alert was cleared.
  private mutating func alertChanged(of worker: Int, alerted: Bool) {
    alertsOfWorker[worker, default: 0] += alerted ? 1 : -1
    if alertsOfWorker[worker] == 0 { alertsOfWorker[worker] = nil }
  }

  private mutating func addFault(_ effect: String, to index: Int) {
    if !buckets[index].faults.contains(effect) { buckets[index].faults.append(effect) }
  }

  private mutating func touch(_ worker: Int, _ state: Cell) { touchAt(worker, current, state) }

  @inline(__always)
  private mutating func touchAt(_ worker: Int, _ index: Int, _ state: Cell) {
    let cell = worker * buckets.count + index
    // Most touches find the state set already (a worker's calls in one bucket): a read, no write,
    // and no call.
    if cell < cells.count, cells[cell].isSuperset(of: state) { return }
    set(cell, worker: worker, state)
  }

  /// Adds `state` to cell `cell` of `worker`, making room for the worker's cells first if needed.
  private mutating func set(_ cell: Int, worker: Int, _ state: Cell) {
    let width = buckets.count
    if cells.count <= worker * width {
      let needed = (worker + 1) * width
      // A quarter more at a time rather than double: at most a fifth of the cells unused.
      // Room for every worker expected, when known, at the first growth: no copy later.
      if needed > cells.capacity {
        cells.reserveCapacity(max(needed, expectedWorkers * width, cells.capacity + cells.capacity / 4))
      }
      cells.append(contentsOf: repeatElement(Cell(), count: needed - cells.count))
    }
    cells[cell].formUnion(state)
  }

  private mutating func markAlive(_ worker: Int, from: Int, to: Int) {
    for index in from...max(from, to) { touchAt(worker, index, .alive) }
  }
}

/// What the current bucket counts until it closes.
private struct BucketCounts {
  var apiCallsOK = 0
  var apiCallsFailed = 0
  var alertsRaised = 0
  var securityEvents = 0
  var workLoopRestarts = 0

  /// Adds these counts to `bucket`.
  func add(to bucket: inout Timeline.Bucket) {
    bucket.apiCallsOK += apiCallsOK
    bucket.apiCallsFailed += apiCallsFailed
    bucket.alertsRaised += alertsRaised
    bucket.securityEvents += securityEvents
    bucket.workLoopRestarts += workLoopRestarts
  }
}

/// The lock beside a host's store, `flock`-like or lock-file-like.
struct StoreLock {
  let config: LockConfig
  /// The holder's process id.
  private(set) var holder: Int?
  /// Whether the holder died without releasing a lock file.
  private(set) var holderDead = false
  private(set) var acquiredAt = SimInstant.start
  /// Waiting processes by ticket. Tickets are handed out in increasing order, so ticket order is
  /// arrival order: a wait that runs out leaves the line in O(log n), not by a linear search.
  private(set) var line = KeyedLine<Int>()

  init(config: LockConfig) { self.config = config }

  /// Tries to take the lock for `process`; on failure the process waits in line.
  mutating func acquire(process: Int, ticket: Int, now: SimInstant) -> Bool {
    if holder == nil {
      take(process, now: now)
      return true
    }
    line.append(ticket, process)
    return false
  }

  /// Releases the lock held by `process`; returns the waiter that gets it.
  mutating func release(process: Int, now: SimInstant) -> (process: Int, ticket: Int)? {
    guard holder == process else { return nil }
    holder = nil
    holderDead = false
    return handOver(now: now)
  }

  /// The holder died. A flock lock passes on at once; a lock file stays until broken.
  mutating func holderDied(now: SimInstant) -> (process: Int, ticket: Int)? {
    guard holder != nil else { return nil }
    if config.kind == .lockFile {
      holderDead = true
      return nil
    }
    holder = nil
    return handOver(now: now)
  }

  /// Breaks a lock file whose dead holder left it at least `staleAfter` ago; returns whether it
  /// did and the waiter that gets the lock.
  mutating func breakIfStale(now: SimInstant) -> (broken: Bool, next: (process: Int, ticket: Int)?) {
    guard holderDead, now - acquiredAt >= config.staleAfter else { return (false, nil) }
    holder = nil
    holderDead = false
    return (true, handOver(now: now))
  }

  /// A waiter gives up (its wait ran out, or it died).
  mutating func withdraw(ticket: Int) { line.removeValue(forKey: ticket) }

  /// Calls `body` with each waiting process and its ticket, in arrival order, building no array
  /// (O(n): for invariants).
  func forEachWaiter(_ body: (_ process: Int, _ ticket: Int) -> Void) {
    line.forEachEntry { ticket, process in body(process, ticket) }
  }

  /// Whether `process` waits in line with `ticket`.
  func isWaiting(process: Int, ticket: Int) -> Bool { line[ticket] == process }

  private mutating func handOver(now: SimInstant) -> (process: Int, ticket: Int)? {
    guard let next = line.removeFirst() else { return nil }
    take(next.value, now: now)
    return (next.value, next.key)
  }

  private mutating func take(_ process: Int, now: SimInstant) {
    holder = process
    acquiredAt = now
  }
}

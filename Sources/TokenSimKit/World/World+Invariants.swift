/// What must hold of the world between any two events. Debug builds and tests check the part an
/// event touched after every event (`checkInvariants(after:)`); `checkInvariants()` checks it all.
/// A broken invariant stops the run with a message naming the process or host and the time, so
/// a model bug is never a silently wrong report. Release builds skip the per-event checks.
extension World {
  /// Every invariant that does not hold now, each as a sentence naming what broke it and when;
  /// empty when the world is sound. Checks every process, host, and the server.
  public func invariantViolations() -> [String] {
    var found: [String] = []
    if let broken = scheduleViolation() { found.append(broken) }
    for id in 1...max(processes.count, 1) where processes.contains(id) {
      found += processViolations(id)
    }
    for host in hosts.indices { found += lockViolations(host: host) }
    return found
  }

  /// Stops the run when any invariant does not hold.
  public func checkInvariants() {
    let found = invariantViolations()
    precondition(found.isEmpty, found.joined(separator: "\n"))
  }

  /// Checks what `event` could have changed: the queue, the process it concerned and that
  /// process's host.
  func checkInvariants(after event: WorldEvent, subject: Int?) {
    var found: [String] = []
    if let broken = scheduleViolation() { found.append(broken) }
    let id = subject ?? (processes.count > 0 ? processes.count : nil)
    if let id, processes.contains(id) {
      found += processViolations(id)
      found += lockViolations(host: processes[id].host)
    }
    if case .lockStaleCheck(let host) = event { found += lockViolations(host: host) }
    precondition(found.isEmpty, found.joined(separator: "\n"))
  }

  /// The process an event is for, read before it is handled (its request may be gone after).
  func subject(of event: WorldEvent) -> Int? {
    switch event {
    case .process(let id, _, _): return id
    case .tokenServiceDone(let request), .tokenReplyArrives(let request): return tokenRequests[request]?.process
    case .apiReplyArrives(let call): return apiCalls[call]?.process
    case .spawn, .cliArrival, .securityEvent, .faultWindow, .hostSuspension, .lockStaleCheck: return nil
    }
  }

  /// Nothing is scheduled before now: the clock never runs backwards.
  func scheduleViolation() -> String? {
    guard let next = queue.nextTime, next < now else { return nil }
    return "an event is scheduled at \(next), before now (\(now)): the clock would run backwards"
  }

  /// What a process believes about the lock agrees with the lock, and a process that is not
  /// alive holds and waits for nothing.
  func processViolations(_ id: Int) -> [String] {
    let process = processes[id]
    let lock = hosts[process.host].lock
    var found: [String] = []
    if process.holdsLock, lock.holder != id || lock.holderDead {
      found.append("\(describe(id)) believes it holds the store lock, which \(describeHolder(process.host))")
    }
    if let ticket = process.lockTicket, !lock.waiters.contains(where: { $0.process == id && $0.ticket == ticket }) {
      found.append("\(describe(id)) waits for the store lock with ticket \(ticket), which is not in the lock's line")
    }
    if process.refreshesInFlight < 0 {
      found.append("\(describe(id)) has \(process.refreshesInFlight) token requests in flight")
    }
    if !process.alive, process.holdsLock || process.lockTicket != nil {
      found.append("\(describe(id)) is not running but holds or waits for the store lock")
    }
    return found
  }

  /// The lock's holder and waiters are live processes that know it.
  func lockViolations(host: Int) -> [String] {
    let lock = hosts[host].lock
    var found: [String] = []
    if let holder = lock.holder, !lock.holderDead {
      if !processes.contains(holder) || !processes[holder].alive || !processes[holder].holdsLock {
        found.append("host \(hosts[host].config.name)'s store lock is held by \(describe(holder)), which does not know it")
      }
    }
    for waiter in lock.waiters {
      guard processes.contains(waiter.process), processes[waiter.process].alive,
        processes[waiter.process].lockTicket == waiter.ticket
      else {
        found.append(
          "host \(hosts[host].config.name)'s store lock has \(describe(waiter.process)) waiting with ticket "
            + "\(waiter.ticket), but that process is not waiting for it")
        continue
      }
    }
    return found
  }

  /// "process h/daemon (3) at 1:00:05.0" for an invariant message.
  func describe(_ id: Int) -> String {
    guard processes.contains(id) else { return "process \(id) (no longer kept) at \(now)" }
    return "process \(processes[id].name) (\(id)) at \(now)"
  }

  private func describeHolder(_ host: Int) -> String {
    let lock = hosts[host].lock
    guard let holder = lock.holder else { return "nobody holds" }
    return lock.holderDead ? "a dead process (\(holder)) left behind" : "process \(holder) holds"
  }
}

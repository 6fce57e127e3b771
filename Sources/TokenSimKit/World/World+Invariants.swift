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
    if let broken = serverFlightViolation() { found.append(broken) }
    found += payloadViolations()
    found += server.invariantViolations(now: now)
    return found
  }

  /// Every payload slot in use is named by an event still waiting in the queue: a slot its event
  /// no longer names (the event dropped, the request retired) must have been freed, or the
  /// payload leaks for the rest of the run. O(events waiting): checked with the whole world only.
  func payloadViolations() -> [String] {
    var reads = 0
    var writes = 0
    var messagesWaiting = 0
    var replies = 0
    queue.forEachPending { event in
      switch event {
      case .process(_, _, .storeReadDone): reads += 1
      case .process(_, _, .storeWriteDone): writes += 1
      case .process(_, _, .message): messagesWaiting += 1
      case .tokenReplyArrives(let request): if tokenRequests[request]?.replySlot != nil { replies += 1 }
      default: break
      }
    }
    let held = [
      ("store read results", storeReads.count, reads), ("store write contents", storeWrites.count, writes),
      ("IPC messages", messages.count, messagesWaiting), ("token replies", tokenReplies.count, replies),
    ]
    return held.compactMap { what, slots, named in
      slots == named
        ? nil : "at \(now), \(what) held: \(slots), events waiting to deliver them: \(named) (a payload slot leaked)"
    }
  }

  /// Stops the run when any invariant does not hold.
  public func checkInvariants() {
    let found = invariantViolations()
    if !found.isEmpty { World.invariantBroken(found) }
  }

  /// Checks what `event` could have changed: the queue, the process it concerned and that
  /// process's host.
  func checkInvariants(after event: WorldEvent, subject: Int?, requestsBefore: Int) {
    var found: [String] = []
    if let broken = scheduleViolation() { found.append(broken) }
    if let broken = serverFlightViolation() { found.append(broken) }
    if touchesServer(event) || nextRequest != requestsBefore { found += server.invariantViolations(now: now) }
    let id = subject ?? (processes.count > 0 ? processes.count : nil)
    if let id, processes.contains(id) {
      found += processViolations(id)
      found += lockViolations(host: processes[id].host)
    }
    if case .lockStaleCheck(let host) = event { found += lockViolations(host: host) }
    if !found.isEmpty { World.invariantBroken(found) }
  }

  /// Stops the process with every broken invariant, in every build (a release build's
  /// `precondition` would trap without its message): `invariant broken: ...`, which is how
  /// `tokensim fuzz` tells an invariant failure from any other trap.
  static func invariantBroken(_ found: [String]) -> Never {
    fatalError("invariant broken: " + found.joined(separator: "\n"))
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

  /// Whether `event` may have changed the server's ledger (a token request sent during any event
  /// is caught by the request counter instead).
  private func touchesServer(_ event: WorldEvent) -> Bool {
    switch event {
    case .tokenServiceDone, .securityEvent: return true
    default: return false
    }
  }

  /// The world waits for the server on exactly the token requests the server has in flight
  /// (queued or in service): a pair assertion between the driver and the server.
  func serverFlightViolation() -> String? {
    let awaiting = tokenRequests.count { !$0.serverDone }
    guard awaiting != server.requestsInFlight else { return nil }
    return "the world awaits the server on \(awaiting) token requests at \(now), "
      + "but the server has \(server.requestsInFlight) in flight"
  }

  /// The token requests the world holds open for one incarnation of a process.
  private func openRequests(of id: Int) -> Int {
    let incarnation = processes[id].incarnation
    return tokenRequests.count { $0.process == id && $0.incarnation == incarnation && !$0.clientDone }
  }

  /// A token, store or lock action names only tokens the server issued: a process can hold only
  /// what it was given (or found in the store, which holds only what was given).
  func issuedTokenViolation(_ action: StrategyAction, by id: Int) -> String? {
    switch action {
    case .sendRefresh(_, let token, _) where !server.hasIssued(token):
      return "\(describe(id)) presents refresh token rt-\(token.serial), which the server never issued"
    case .grant(_, let token) where !server.hasIssued(token):
      return "\(describe(id)) calls the API with access token at-\(token.serial), which the server never issued"
    case .writeStore(let contents):
      guard let credentials = contents.credentials else { return nil }
      if let token = credentials.refreshToken, !server.hasIssued(token) {
        return "\(describe(id)) writes refresh token rt-\(token.serial) to the store, which the server never issued"
      }
      if let token = credentials.accessToken, !server.hasIssued(token) {
        return "\(describe(id)) writes access token at-\(token.serial) to the store, which the server never issued"
      }
      return nil
    default:
      return nil
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
    if let ticket = process.lockTicket, !lock.isWaiting(process: id, ticket: ticket) {
      found.append("\(describe(id)) waits for the store lock with ticket \(ticket), which is not in the lock's line")
    }
    if process.alive {
      let open = openRequests(of: id)
      if process.refreshesInFlight != open {
        found.append(
          "\(describe(id)) believes it has \(process.refreshesInFlight) token requests in flight, but \(open) are open for it")
      }
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
    // O(waiters) per event in debug builds: every waiter is checked against its process.
    lock.forEachWaiter { process, ticket in
      if processes.contains(process), processes[process].alive, processes[process].lockTicket == ticket { return }
      found.append(
        "host \(hosts[host].config.name)'s store lock has \(describe(process)) waiting with ticket "
          + "\(ticket), but that process is not waiting for it")
    }
    return found
  }

  /// "process h/daemon (3) at 1:00:05.0" for an invariant message.
  func describe(_ id: Int) -> String {
    guard processes.contains(id) else { return "process \(id) (no longer kept) at \(now)" }
    return "process \(name(of: id)) (\(id)) at \(now)"
  }

  private func describeHolder(_ host: Int) -> String {
    let lock = hosts[host].lock
    guard let holder = lock.holder else { return "nobody holds" }
    return lock.holderDead ? "a dead process (\(holder)) left behind" : "process \(holder) holds"
  }
}

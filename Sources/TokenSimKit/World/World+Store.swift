extension World {
  func beginRead(_ id: Int) {
    if processes[id].usesEnvironment, let environment = environments[id] {
      let result: StoreReadResult = environment.credentials == nil ? .empty : .contents(store: environment)
      return schedule(.storeReadDone(slot: storeReads.store(result)), for: id, at: now)
    }
    let store = hosts[processes[id].host].store
    schedule(.storeReadDone(slot: storeReads.store(store.read())), for: id, at: now + store.config.readTime)
  }

  func finishRead(_ id: Int, _ result: StoreReadResult) {
    if !processes[id].usesEnvironment {
      record(.storeRead(process: id, host: hosts[processes[id].host].config.name, result: StoreReadOutcome(result)))
    }
    deliver(.storeRead(result: result), to: id)
  }

  func beginWrite(_ id: Int, _ contents: StoreContents) {
    if processes[id].usesEnvironment {
      environments[id] = contents
      return schedule(.environmentWritten, for: id, at: now)
    }
    let host = processes[id].host
    hosts[host].store.beginWrite()
    processes[id].writeInFlight = true
    schedule(.storeWriteDone(slot: storeWrites.store(contents)), for: id, at: now + hosts[host].store.config.writeTime)
  }

  func finishWrite(_ id: Int, _ contents: StoreContents) {
    let host = processes[id].host
    processes[id].writeInFlight = false
    let lost = hosts[host].store.finishWrite(contents)
    record(
      .storeWritten(
        process: id, host: hosts[host].config.name, refreshToken: contents.credentials?.refreshToken?.serial, lostUpdate: lost))
    if processes[id].alive { deliver(.storeWritten, to: id) }
  }

  func acquireLock(_ id: Int, wait: SimDuration) {
    let host = processes[id].host
    guard !processes[id].holdsLock, !processes[id].usesEnvironment else {
      return schedule(.lockGranted, for: id, at: now)
    }
    let ticket = nextTicket
    nextTicket += 1
    if hosts[host].lock.acquire(process: id, ticket: ticket, now: now) {
      return grantLock(to: (id, ticket), host: host)
    }
    processes[id].lockTicket = ticket
    schedule(.lockWaitOver(ticket: ticket), for: id, at: now + wait)
    if hosts[host].lock.holderDead {
      schedule(.lockStaleCheck(host: host), at: atOrAfterNow(hosts[host].lock.acquiredAt + hosts[host].lock.config.staleAfter))
    }
  }

  func lockWaitOver(_ id: Int, ticket: Int) {
    guard processes[id].lockTicket == ticket else { return }
    let host = processes[id].host
    hosts[host].lock.withdraw(ticket: ticket)
    processes[id].lockTicket = nil
    record(.lock(process: id, host: hosts[host].config.name, what: .unavailable))
    deliver(.lockUnavailable, to: id)
  }

  func releaseLock(_ id: Int) {
    guard processes[id].holdsLock else { return }
    let host = processes[id].host
    processes[id].holdsLock = false
    let next = hosts[host].lock.release(process: id, now: now)
    record(.lock(process: id, host: hosts[host].config.name, what: .released))
    if let next { grantLock(to: next, host: host) }
  }
}

extension World {
  /// Starts (or restarts after a crash) process `id`.
  ///
  /// The template's fields are read where they are (`templates[template].config.…`): a copy of
  /// the whole `ProcessConfig` retains and releases its strings at every start.
  func start(process id: Int, cause: StartCause) {
    let begun = processes.inPlace(id) { $0.beginIncarnation() }
    if !begun.wasAlive {
      liveProcesses += 1
      peakLiveProcesses = max(peakLiveProcesses, liveProcesses)
    }
    let (template, role, host) = (begun.template, begun.role, begun.host)
    let name = self.name(template: template, number: begun.number)
    record(.processStarted(process: id, name: name, role: role, host: hosts[host].config.name))
    if templates[template].config.credentialSource == .environment {
      processes[id].usesEnvironment = true
      environments[id] = environmentSnapshot(host: host)
    }
    deliver(.started(cause: cause), to: id)
    scheduleCrash(id, template: template)
    // A start after the stop time (a work loop restarted late) stops at once: the clock never
    // runs backwards.
    if let stopAt = templates[template].config.stopAt, role != .cli {
      schedule(.stop, for: id, at: atOrAfterNow(stopAt))
    }
    beginWork(id, firstStart: true)
  }

  private func environmentSnapshot(host: Int) -> StoreContents {
    guard case .contents(let contents) = hosts[host].store.read(), let credentials = contents.credentials else {
      return StoreContents(credentials: nil)
    }
    return StoreContents(
      credentials: Credentials(
        accessToken: credentials.accessToken, accessExpiresAt: credentials.accessExpiresAt, refreshToken: nil))
  }

  private func scheduleCrash(_ id: Int, template: Int) {
    guard let crash = templates[template].config.crash else { return }
    if let perHour = crash.perHour {
      // A drawn crash waits for its moment (`during`) as a planned one does.
      schedule(.crashCheck, for: id, at: now + processes[id].crashRandom.exponential(perHour: perHour))
    } else if let at = crash.at, at >= now, processes[id].incarnation == 1 {
      schedule(.crashCheck, for: id, at: at)
    }
  }

  /// A planned crash waits until the process is doing what the plan names.
  func checkCrash(_ id: Int) {
    if atCrashMoment(id) { crash(id) } else { processes[id].crashWaiting = true }
  }

  /// The process just took the lock or sent a token request: a crash waiting for that happens now.
  func crashIfWaiting(_ id: Int) {
    guard processes[id].crashWaiting, atCrashMoment(id) else { return }
    processes[id].crashWaiting = false
    schedule(.crashCheck, for: id, at: now)
  }

  /// Whether the process is doing what its crash plan names.
  private func atCrashMoment(_ id: Int) -> Bool {
    let process = processes[id]
    switch templates[process.template].config.crash?.during ?? .any {
    case .any: return true
    case .holdingLock: return process.holdsLock
    case .midRefresh: return process.refreshesInFlight > 0
    }
  }

  /// The process dies at once: memory, queued work and a half-done write are lost.
  func crash(_ id: Int) {
    record(.processCrashed(process: id))
    processes[id].crashWaiting = false
    for attempts in processes[id].items.values {
      record(.workItemEnded(process: id, completed: false, attempts: attempts))
    }
    if processes[id].writeInFlight { hosts[processes[id].host].store.abandonWrite() }
    abandonTokenRequests(of: id)
    leave(id, crashed: true)
    let config = templates[processes[id].template].config
    if let delay = config.restartAfter, !stopped(config, by: now + delay, role: processes[id].role) {
      schedule(.start(.processStart), for: id, at: now + delay)
    } else {
      retire(id)
    }
  }

  /// Whether a process of `role` under `config` has reached its `stopAt` by `time`: a daemon or
  /// broker that would be restarted after its stop time stays stopped.
  private func stopped(_ config: ProcessConfig, by time: SimInstant, role: ProcessRole) -> Bool {
    guard let stopAt = config.stopAt, role != .cli else { return false }
    return time >= stopAt
  }

  /// The process ends by itself, once its strategy has no token request, store write or lock
  /// under way (a runtime that awaits pending work before exiting; a refresh abandoned at exit
  /// would lose a rotated token), and after the rest of the action list being performed.
  func exit(_ id: Int, ok: Bool) {
    guard processes[id].alive else { return }
    guard !processes[id].busy, !processes[id].performingActions else {
      processes[id].exitWhenIdle = ok
      return
    }
    record(.processExited(process: id, ok: ok))
    leave(id, crashed: false)
    retire(id)
  }

  /// Forgets process `id`, which will never run again.
  private func retire(_ id: Int) {
    if processes[id].usesEnvironment { environments[id] = nil }
    processes.retire(id)
  }

  private func leave(_ id: Int, crashed: Bool) {
    let left = processes.inPlace(id) { $0.stopRunning(crashed: crashed) }
    let host = left.host
    if left.wasAlive { liveProcesses -= 1 }
    if let ticket = left.lockTicket { hosts[host].lock.withdraw(ticket: ticket) }
    if left.heldLock {
      let next = crashed ? hosts[host].lock.holderDied(now: now) : hosts[host].lock.release(process: id, now: now)
      record(.lock(process: id, host: hosts[host].config.name, what: crashed ? .holderDied : .released))
      if let next { grantLock(to: next, host: host) }
      if crashed, hosts[host].lock.holderDead {
        schedule(.lockStaleCheck(host: host), at: atOrAfterNow(hosts[host].lock.acquiredAt + hosts[host].lock.config.staleAfter))
      }
    }
  }

  /// Hands the lock to a waiter.
  func grantLock(to waiter: (process: Int, ticket: Int), host: Int) {
    processes[waiter.process].holdsLock = true
    processes[waiter.process].lockTicket = nil
    crashIfWaiting(waiter.process)
    record(.lock(process: waiter.process, host: hosts[host].config.name, what: .acquired))
    schedule(.lockGranted, for: waiter.process, at: now)
  }

  /// Breaks a stale lock file and hands it to the first waiter.
  func breakStaleLock(host: Int) {
    let holder = hosts[host].lock.holder
    let (broken, next) = hosts[host].lock.breakIfStale(now: now)
    guard broken else { return }
    record(.lock(process: holder ?? 0, host: hosts[host].config.name, what: .brokenStale))
    if let next { grantLock(to: next, host: host) }
  }
}

extension World {
  /// Starts the process's work: a daemon's cycles and items, a CLI's calls. Its template's
  /// fields are read where they are: a `ProcessConfig` passed in is a copy (its strings retained
  /// and released) at every CLI start.
  func beginWork(_ id: Int, firstStart: Bool) {
    let template = processes[id].template
    switch processes[id].role {
    case .cli:
      let calls = templates[template].config.apiCalls
      processes[id].cliCallsLeft = calls
      calls == 0 ? exit(id, ok: true) : ask(id, for: .cli)
    case .daemon, .broker:
      if templates[template].config.cycle != nil {
        processes[id].cycleEpoch += 1
        schedule(.cycleDue(epoch: processes[id].cycleEpoch), for: id, at: now)
      }
      if firstStart, let flow = templates[template].config.workItems { scheduleNextItem(id, flow: flow) }
    }
  }

  /// Asks the strategy for a token. A cycle's call passes the calls left in the cycle, which the
  /// same access stores.
  func ask(_ id: Int, for purpose: AskPurpose, cycleCallsLeft: Int? = nil) {
    // One write access to the record for the changes (each access checks two buffers' uniqueness).
    let (ask, firstAsk, template) = processes.inPlace(id) { process in
      if let cycleCallsLeft { process.cycleCallsLeft = cycleCallsLeft }
      let ask = process.nextAsk
      process.nextAsk += 1
      defer { process.askedOnce = true }
      return (ask, !process.askedOnce, process.template)
    }
    // The ask is open from here on: in hand until the strategy's answer is performed.
    assert(askInHand == nil, "\(describe(id)) asks while another ask is in hand")
    askInHand = (id, ask, OpenAsk(purpose: purpose, isRetry: false))
    let force = firstAsk && templates[template].config.refreshAtStart
    if force { record(.refreshForced(process: id)) }
    let grantedBefore = asksGrantedInHand
    deliver(.tokenNeeded(ask: ask, forceRefresh: force), to: id)
    // An ask granted from the hand was answered at once: it never waited among the open asks.
    guard asksGrantedInHand == grantedBefore else { return }
    if processes.contains(id), processes[id].alive, processes[id].asks.contains(ask) {
      record(.callWaiting(process: id))
    }
  }

  func granted(_ id: Int, ask: Int, token: AccessToken) {
    if let open = takeAskInHand(id, ask) {
      return callAPI(id, ask: ask, purpose: open.purpose, token: token, isRetry: open.isRetry)
    }
    placeAskInHand()
    guard let open = processes[id].asks.removeValue(forKey: ask) else { return }
    callAPI(id, ask: ask, purpose: open.purpose, token: token, isRetry: open.isRetry)
  }

  /// The ask in hand, taken, when it is `ask` of process `id`.
  private func takeAskInHand(_ id: Int, _ ask: Int) -> OpenAsk? {
    guard let inHand = askInHand, inHand.process == id, inHand.ask == ask else { return nil }
    askInHand = nil
    asksGrantedInHand &+= 1
    return inHand.open
  }

  /// Adds the ask in hand, if any, to its process's open asks (the newest, so at the back).
  @inline(__always)
  func placeAskInHand() {
    if askInHand != nil { addAskInHand() }
  }

  private func addAskInHand() {
    guard let inHand = askInHand else { return }
    askInHand = nil
    processes[inHand.process].asks.append(inHand.ask, inHand.open)
  }

  func denied(_ id: Int, ask: Int) {
    guard let open = processes[id].asks.removeValue(forKey: ask) else { return }
    record(.callDenied(process: id))
    callFailed(id, purpose: open.purpose)
  }

  func callSucceeded(_ id: Int, purpose: AskPurpose) {
    switch purpose {
    case .cycle:
      // One access reads the calls left and, when this was the last, ends the cycle's count
      // (`endCycle`'s change, made here).
      let left = processes.inPlace(id) { process -> Int? in
        guard let left = process.cycleCallsLeft else { return nil }
        if left <= 1 { process.cycleCallsLeft = nil }
        return left
      }
      guard let left else { return }
      left <= 1 ? record(.workCycleEnded(process: id, ok: true)) : continueCycle(id, callsLeft: left - 1)
    case .item(let item):
      let attempts = processes[id].items.removeValue(forKey: item) ?? 0
      record(.workItemEnded(process: id, completed: true, attempts: attempts))
    case .cli:
      processes[id].cliCallsLeft -= 1
      processes[id].cliCallsLeft == 0 ? exit(id, ok: true) : ask(id, for: .cli)
    }
  }

  func callFailed(_ id: Int, purpose: AskPurpose) {
    switch purpose {
    case .cycle: if processes[id].cycleCallsLeft != nil { endCycle(id, ok: false) }
    case .item(let item): itemFailed(id, item: item)
    case .cli: exit(id, ok: false)
    }
  }

  /// A cycle of `incarnation` is due: the next is scheduled for the same incarnation (known here,
  /// not looked up again), and this one starts unless one still runs or the loop restarts.
  func cycleDue(_ id: Int, epoch: Int, incarnation: Int) {
    guard epoch == processes[id].cycleEpoch, let cycle = templates[processes[id].template].config.cycle else { return }
    schedule(.cycleDue(epoch: epoch), for: id, incarnation: incarnation, at: now + cycle.every)
    guard processes[id].cycleCallsLeft == nil, !processes[id].restarting else {
      return record(.workCycleSkipped(process: id))
    }
    cycle.apiCalls == 0 ? record(.workCycleEnded(process: id, ok: true)) : continueCycle(id, callsLeft: cycle.apiCalls)
  }

  private func continueCycle(_ id: Int, callsLeft: Int) {
    ask(id, for: .cycle, cycleCallsLeft: callsLeft)
  }

  private func endCycle(_ id: Int, ok: Bool) {
    processes[id].cycleCallsLeft = nil
    record(.workCycleEnded(process: id, ok: ok))
  }

  func itemArrives(_ id: Int) {
    guard let flow = templates[processes[id].template].config.workItems else { return }
    scheduleNextItem(id, flow: flow)
    guard processes[id].items.count < flow.queue else {
      return record(.workItemEnded(process: id, completed: false, attempts: 0))
    }
    let item = processes[id].nextItem
    processes[id].nextItem += 1
    attemptItem(id, item: item)
  }

  private func scheduleNextItem(_ id: Int, flow: WorkItemFlow) {
    let gap =
      flow.every
      ?? processes[id].random.exponential(perHour: flow.perHour)
    schedule(.itemArrives, for: id, at: now + gap)
  }

  func attemptItem(_ id: Int, item: Int) {
    processes[id].items[item, default: 0] += 1
    ask(id, for: .item(item))
  }

  private func itemFailed(_ id: Int, item: Int) {
    guard let attempts = processes[id].items[item], let flow = templates[processes[id].template].config.workItems else {
      return
    }
    guard attempts < flow.maxAttempts else {
      processes[id].items[item] = nil
      return record(.workItemEnded(process: id, completed: false, attempts: attempts))
    }
    let backoff = flow.retryDelay.saturatingMultiplied(by: Int64(1) << Int64(min(attempts - 1, 30)))
    schedule(.itemRetry(item: item), for: id, at: now + backoff)
  }

  /// The strategy gave up on its session in this work loop: a daemon restarts the loop after its
  /// restart delay; a CLI exits with an error.
  func restartWorkLoop(_ id: Int) {
    guard processes[id].role != .cli else { return exit(id, ok: false) }
    guard !processes[id].restarting else { return }
    record(.workLoopRestarted(process: id))
    if processes[id].cycleCallsLeft != nil { endCycle(id, ok: false) }
    // The asks are emptied in place (the line keeps its room). Only a process with work items
    // open can have asks for them: a daemon of cycles gathers and sorts nothing (sorting even an
    // empty list cost about 190 instructions a restart).
    let pendingItems = processes[id].items.isEmpty ? [] : itemsAsked(id)
    processes[id].asks.removeAll()
    processes[id].restarting = true
    processes[id].cycleEpoch += 1
    for item in pendingItems { itemFailed(id, item: item) }
    schedule(.start(.workLoopRestart), for: id, at: now + templates[processes[id].template].config.restartDelay)
  }

  /// The work items the process's open asks are for, in item order, gathered without building a
  /// list of every ask.
  private func itemsAsked(_ id: Int) -> [Int] {
    var items: [Int] = []
    processes[id].asks.forEachValue { open in
      if case .item(let item) = open.purpose { items.append(item) }
    }
    return items.sorted()
  }

  /// The restarted loop begins: the strategy hears `.started(.workLoopRestart)`, cycles resume.
  func restartLoopNow(_ id: Int) {
    guard processes[id].alive, processes[id].restarting else { return }
    processes[id].restarting = false
    deliver(.started(cause: .workLoopRestart), to: id)
    beginWork(id, firstStart: false)
  }
}

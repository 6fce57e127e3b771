extension World {
  /// Routes an event to one incarnation of a process; events of a dead or replaced incarnation
  /// are dropped, and those of a suspended host wait for it to resume.
  func dispatch(_ event: ProcessEvent, to id: Int, incarnation: Int) {
    guard processes.contains(id), processes[id].incarnation == incarnation else { return dropped(event) }
    let (alive, host) = (processes[id].alive, processes[id].host)
    if case .start(let cause) = event {
      guard !alive || cause == .workLoopRestart else { return }
      return cause == .workLoopRestart ? restartLoopNow(id) : start(process: id, cause: .processStart)
    }
    if case .storeWriteDone(let slot) = event, !processes[id].crashed {
      return finishWrite(id, storeWrites.take(slot))
    }
    guard alive else { return dropped(event) }
    if someHostIsSuspended(), let resume = hosts[host].resumeTime(after: now) {
      return schedule(event, for: id, incarnation: incarnation, at: resume)
    }
    handle(event, for: id, incarnation: incarnation)
  }

  /// An event for an incarnation that is gone: an API call's timeout still forgets the call, which
  /// nothing else would end when the API never answers, and a payload waiting in a slot is freed.
  private func dropped(_ event: ProcessEvent) {
    switch event {
    case .apiTimeout(let call): apiCalls.removeValue(forKey: call)
    case .storeReadDone(let slot): storeReads.discard(slot)
    case .storeWriteDone(let slot): storeWrites.discard(slot)
    case .message(_, let slot):
      messages.discard(slot)
      messagesDropped += 1
    default: break
    }
  }

  /// Inlined into `dispatch(_:to:incarnation:)`, its one caller, which has matched the event
  /// already.
  @inline(__always)
  private func handle(_ event: ProcessEvent, for id: Int, incarnation: Int) {
    switch event {
    case .start: break
    case .storeWriteDone: dropped(event)  // it lands after its process crashed: no one reads it
    case .cycleDue(let epoch): cycleDue(id, epoch: epoch, incarnation: incarnation)
    case .itemArrives: itemArrives(id)
    case .itemRetry(let item): attemptItem(id, item: item)
    case .timer(let slot, let arming):
      if let name = processes[id].timerArmings.firing(slot: slot, arming: arming) { deliver(.timerFired(name: name), to: id) }
    case .storeReadDone(let slot): finishRead(id, storeReads.take(slot))
    case .lockWaitOver(let ticket): lockWaitOver(id, ticket: ticket)
    case .tokenTimeout(let request): tokenTimeout(request)
    case .apiTimeout(let call): apiTimeout(call)
    case .crashCheck: checkCrash(id)
    case .stop: exit(id, ok: true)
    case .message(let from, let slot): receive(messages.take(slot), from: from, at: id)
    case .messageTimeout(let peer, let correlation):
      if let own = processes[id].pendingQuestions.removeValue(forKey: PendingQuestion(peer: peer, correlation: correlation)) {
        deliver(.messageFailed(correlation: own), to: id)
      }
    case .lockGranted: deliver(.lockGranted, to: id)
    case .environmentWritten: deliver(.storeWritten, to: id)
    }
  }

  /// Gives `event` to the process's strategy and performs the actions it returns, all of them:
  /// an exit caused by one (a CLI's denied call) waits until the list is done, and then until the
  /// writes, lock and token requests the list started are over.
  func deliver(_ event: StrategyEvent, to id: Int) {
    let start = actionStack.count
    let now = now
    // The strategy is asked where the record is, in the one access that also checks that it runs,
    // reads its host's clock, keeps its draws and marks the list under way: read through the
    // table, its holder was retained and released around every event, and each of the record's
    // fields read on the way was an access of its own.
    let asked = processes.inPlace(id) { process -> (incarnation: Int, outer: Bool)? in
      guard process.alive else { return nil }
      let local = hosts[process.host].clock.local(now)
      var context = StrategyContext(now: local, processID: id, role: process.role, random: process.random)
      process.strategy.handle(event, context: &context, actions: &actionStack)
      process.random = context.random
      defer { process.performingActions = true }
      return (process.incarnation, !process.performingActions)
    }
    guard let (incarnation, outer) = asked else {
      preconditionFailure("a process that is not running receives no event: \(describe(id)) was given \(event)")
    }
    // Turned last first, each action is taken off the top in the order given: moved out of the
    // stack, where reading it in place would copy it (and destroy the copy and the original). The
    // first is performed as the strategy left the process, running; each later one only if the
    // earlier left it so.
    reverseActions(from: start)
    var first = true
    while actionStack.count > start, let action = actionStack.popLast() {
      guard first || (processes[id].alive && processes[id].incarnation == incarnation) else { break }
      first = false
      perform(action, for: id)
    }
    while actionStack.count > start { actionStack.removeLast() }
    placeAskInHand()
    guard outer else { return }
    let exitStatus = processes.inPlace(id) { process in
      process.performingActions = false
      return process.incarnation == incarnation ? process.exitWhenIdle : nil
    }
    if let ok = exitStatus { exit(id, ok: ok) }
  }

  /// Reverses the actions from `start` to the top of the stack, in place. The buffer's `swapAt`
  /// moves the two actions; the array's copies both (retaining their payloads) and destroys the
  /// originals, about 300 instructions a swap.
  private func reverseActions(from start: Int) {
    guard actionStack.count - start > 1 else { return }
    actionStack.withUnsafeMutableBufferPointer { stack in
      var (low, high) = (start, stack.count - 1)
      while low < high {
        stack.swapAt(low, high)
        (low, high) = (low + 1, high - 1)
      }
    }
  }

  /// Performs `action`, which it consumes: each case's payload is moved out where it is bound,
  /// where a borrowed action was destroyed after the switch through an outlined copy of every
  /// case's destruction (45 instructions an action, most of them a grant with nothing to free).
  /// A grant answers the ask in hand when it is its own; any other action is performed with the
  /// ask in hand among the process's open asks, where it would have been all along.
  private func perform(_ action: consuming StrategyAction, for id: Int) {
    #if DEBUG
      if let broken = issuedTokenViolation(action, by: id) { preconditionFailure(broken) }
    #endif
    if case .grant = action {} else { placeAskInHand() }
    switch consume action {
    case .readStore: beginRead(id)
    case .writeStore(let contents): beginWrite(id, contents)
    case .acquireLock(let wait): acquireLock(id, wait: wait)
    case .releaseLock: releaseLock(id)
    case .sendRefresh(let request, let token, let timeout): sendRefresh(from: id, tag: request, token: token, timeout: timeout)
    case .grant(let ask, let token): granted(id, ask: ask, token: token)
    case .deny(let ask, _): denied(id, ask: ask)
    case .retryCall(let ask): retryCall(id, ask: ask)
    case .setTimer(let name, let at): setTimer(id, name: name, at: at)
    case .cancelTimer(let name): processes[id].timerArmings.cancel(name)
    case .restartWorkLoop: restartWorkLoop(id)
    case .raiseAlert(let message): record(.alertRaised(process: id, message: message))
    case .send(let message, let to, let timeout): send(message, from: id, to: to, timeout: timeout)
    }
  }

  private func setTimer(_ id: Int, name: TimerName, at localTime: SimInstant) {
    let (slot, arming) = processes[id].timerArmings.arm(name)
    let config = templates[processes[id].template].config
    if name == .refresh, processes[id].schedulerFailuresLeft > 0,
      processes[id].crashRandom.chance(config.schedulerFailure?.probability ?? 0)
    {
      processes[id].schedulerFailuresLeft -= 1
      return record(.schedulerArmFailed(process: id))
    }
    let trueTime = hosts[processes[id].host].clock.trueInstant(localTime)
    schedule(.timer(slot: slot, arming: arming), for: id, at: atOrAfterNow(trueTime))
  }

  /// Sends `message` to `target` (nil: the host's broker), which has it 1 ms later if it still
  /// runs the same incarnation then. A question goes out under the world's number for it (the
  /// next of `questionsAsked`, counted over every process and incarnation) and awaits its answer
  /// under whom it asked and that number, so that an answer from another process, a question that
  /// carries the number, or an answer to the sender's earlier incarnation answers nothing;
  /// `.messageFailed` with the strategy's own number follows if no answer came within `timeout`.
  /// An answer awaits nothing and its `timeout` is unused: its sender (the broker) holds no state
  /// a failure of it could mend.
  private func send(_ message: consuming IPCMessage, from id: Int, to target: Int?, timeout: SimDuration) {
    let receiver = target ?? hosts[processes[id].host].broker
    if message.kind.isQuestion {
      questionsAsked += 1
      let wire = questionsAsked
      let question = PendingQuestion(peer: receiver ?? 0, correlation: wire)
      processes[id].pendingQuestions[question] = message.correlation
      message.correlation = wire
      schedule(.messageTimeout(peer: question.peer, correlation: wire), for: id, at: now + timeout)
    }
    guard let receiver, processes.contains(receiver), processes[receiver].alive else { return }
    schedule(.message(from: id, slot: messages.store(message)), for: receiver, at: now + .milliseconds(1))
  }

  /// A question is given to its receiver as it came. An answer is given only to the incarnation
  /// whose question from its sender, by the world's number, still awaits it, with the number the
  /// asker's strategy gave that question; it ends that question. Any other answer (its question
  /// failed already, was asked by an earlier incarnation, or was never asked) is dropped: a
  /// question ends once, answered or failed.
  private func receive(_ message: consuming IPCMessage, from sender: Int, at id: Int) {
    if !message.kind.isQuestion {
      let question = PendingQuestion(peer: sender, correlation: message.correlation)
      guard let own = processes[id].pendingQuestions.removeValue(forKey: question) else { return }
      message.correlation = own
    }
    deliver(.messageReceived(from: sender, message: message), to: id)
  }
}

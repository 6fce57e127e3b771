extension World {
  /// A process sends a refresh_token grant; the server receives it at once.
  func sendRefresh(from id: Int, tag: Int, token: RefreshToken, timeout: SimDuration?) {
    let request = nextRequest
    nextRequest += 1
    record(.tokenRequestSent(process: id, request: request, token: token.serial))
    let (incarnation, crashWaiting) = processes.inPlace(id) { process in
      process.refreshesInFlight += 1
      process.requestsOpen.add(request)
      return (process.incarnation, process.crashWaiting)
    }
    if crashWaiting { crashIfWaiting(id) }
    if let timeout {
      schedule(.tokenTimeout(request: request), for: id, incarnation: incarnation, at: now + timeout)
    }
    tokenRequests.append(request, TokenRequestState(process: id, incarnation: incarnation, tag: tag))
    carryOut(server.receive(request, presenting: token, now: now), for: request)
  }

  /// The server's service of `request` ends (the commit point).
  func finishService(_ request: Int) {
    carryOut(server.finishService(request, now: now), for: request)
  }

  /// Performs what the server decided, in its order: the next service end, the commit's trace
  /// events, then the request's fate.
  private func carryOut(_ step: consuming TokenEndpointStep, for request: Int) {
    if let due = step.serviceDue { schedule(.tokenServiceDone(request: due.request), at: due.at) }
    if let commit = step.commit { recordCommit(commit, of: request) }
    // The fate is moved out of the step (its storage, not the copying getter): its reply goes on
    // without a copy.
    switch (consume step).storedFate {
    case nil: return
    case .reply(let http, let at)?: replyArrives(request, .response(http: http), at: at)
    case .reset(let at)?: replyArrives(request, .connectionReset, at: at)
    case .hang?: tokenRequests.update(request) { $0.serverDone = true }
    case .lostAfterCommit?:
      tokenRequests.update(request) {
        $0.lostAfterCommit = true
        $0.serverDone = true
      }
      retireIfDone(request)
    }
  }

  private func recordCommit(_ commit: RefreshCommit, of request: Int) {
    commit.traceKinds(request: request) { record($0) }
  }

  private func replyArrives(_ request: Int, _ reply: consuming TokenEndpointReply, at time: SimInstant) {
    let slot = tokenReplies.store(reply)
    let known = tokenRequests.update(request) {
      precondition($0.replySlot == nil, "token request \(request) got a second reply at \(time)")
      $0.serverDone = true
      $0.replySlot = slot
    }
    if !known { tokenReplies.discard(slot) }
    schedule(.tokenReplyArrives(request: request), at: time)
  }

  /// The response reaches the client, unless it already gave up. Either way both sides are done
  /// with the request (the server was once it replied): it is retired with its reply, or was
  /// when its client gave up.
  func tokenReplyArrives(_ request: Int) {
    guard let state = tokenRequests.removeValue(forKey: request) else { return }
    guard let slot = state.replySlot else {
      preconditionFailure("the reply to token request \(request) arrived at \(now), but none was sent")
    }
    let reply = tokenReplies.take(slot)
    guard !state.clientDone, clientIsDone(with: request, state: state) else { return }
    end(request, state: state, reply: reply)
  }

  /// The client's timeout fires before any response.
  func tokenTimeout(_ request: Int) {
    guard let state = tokenRequests[request], !state.clientDone else { return }
    tokenRequests.update(request) { $0.clientDone = true }
    let heard = clientIsDone(with: request, state: state)
    retireIfDone(request)
    if heard { end(request, state: state, reply: .timedOut) }
  }

  /// A crashed process no longer waits for its token requests (their timeouts, addressed to the
  /// dead incarnation, are dropped): each is retired once the server is done with it too, instead
  /// of being kept for ever when the server never answers.
  func abandonTokenRequests(of id: Int) {
    let requests = processes[id].requestsOpen.all
    processes[id].requestsOpen.removeAll()
    for request in requests {
      tokenRequests.update(request) { $0.clientDone = true }
      retireIfDone(request)
    }
  }

  /// The client of `request` stopped waiting for it: it leaves its process's open requests and,
  /// when that incarnation is alive to hear how the request ended, its refreshes in flight.
  /// Returns whether it is (`end` then tells it). One access to the process record, not one for
  /// each field read or changed.
  private func clientIsDone(with request: Int, state: TokenRequestState) -> Bool {
    guard processes.contains(state.process) else { return false }
    return processes.inPlace(state.process) { process in
      guard process.incarnation == state.incarnation else { return false }
      process.requestsOpen.remove(request)
      guard process.alive else { return false }
      process.refreshesInFlight -= 1
      return true
    }
  }

  /// Tells the client of `request`, alive to hear it (`clientIsDone` said so), how it ended.
  private func end(_ request: Int, state: TokenRequestState, reply: consuming TokenEndpointReply) {
    let (outcome, status, retryAfter) = TokenOutcome.of(reply, lostAfterCommit: state.lostAfterCommit)
    record(.tokenRequestEnded(process: state.process, request: request, outcome: outcome, status: status, retryAfter: retryAfter))
    deliver(.refreshCompleted(request: state.tag, reply: reply), to: state.process)
  }

  /// Forgets `request` once both sides are done with it, with any reply still in transit.
  private func retireIfDone(_ request: Int) {
    guard let state = tokenRequests[request], state.serverDone, state.clientDone else { return }
    tokenRequests.removeValue(forKey: request)
    if let slot = state.replySlot { tokenReplies.discard(slot) }
  }
}

extension TokenOutcome {
  /// How the trace counts a reply: the outcome, the status and the raw `Retry-After`.
  public static func of(_ reply: TokenEndpointReply, lostAfterCommit: Bool) -> (TokenOutcome, Int?, String?) {
    switch reply {
    case .timedOut: return (lostAfterCommit ? .lostAfterCommit : .timeout, nil, nil)
    case .connectionReset: return (.connectionError, nil, nil)
    case .response(let http): return (outcome(of: http), http.status, http.retryAfter)
    }
  }

  /// How the trace counts an HTTP response. The body is matched where it is: a tuple of the
  /// status and the body copied it (a retain and release of its error code on every reply).
  private static func outcome(of http: HTTPReply) -> TokenOutcome {
    if http.status == 429 { return .rateLimited }
    if http.status >= 500 { return .serverError }
    switch http.body {
    case .tokens: return .ok
    case .oauthError: return .invalidGrant
    case .empty, .malformed: return .connectionError
    }
  }
}

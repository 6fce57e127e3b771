extension World {
  /// A process sends a refresh_token grant.
  func sendRefresh(from id: Int, tag: Int, token: RefreshToken, timeout: SimDuration?) {
    let request = nextRequest
    nextRequest += 1
    record(.tokenRequestSent(process: id, request: request, token: token.serial))
    processes[id].refreshesInFlight += 1
    crashIfWaiting(id)
    if let timeout { schedule(.tokenTimeout(request: request), for: id, at: now + timeout) }
    if rateLimiter != nil, !rateLimiter!.admit(at: now) {
      return answerRateLimited(request, id: id, tag: tag, token: token)
    }
    let draw = faultPlan.draw(for: .token, at: now)
    tokenRequests[request] = TokenRequestState(
      process: id, incarnation: processes[id].incarnation, tag: tag, token: token, fault: draw.effect,
      extraLatency: draw.extraLatency)
    arrive(request, effect: draw.effect)
  }

  private func answerRateLimited(_ request: Int, id: Int, tag: Int, token: RefreshToken) {
    let header = scenario.server.rateLimit?.retryAfter?.headerValue(at: now)
    tokenRequests[request] = TokenRequestState(
      process: id, incarnation: processes[id].incarnation, tag: tag, token: token, fault: nil, extraLatency: .zero)
    reply(request, .response(http: HTTPReply(status: 429, retryAfter: header, body: .oauthError(error: "rate_limited"))))
  }

  private func arrive(_ request: Int, effect: FaultEffect?) {
    switch effect {
    case .reset?:
      tokenRequests[request]?.reply = .connectionReset
      tokenRequests[request]?.serverDone = true
      schedule(.tokenReplyArrives(request: request), at: now + .milliseconds(1))
    case .hang?:
      tokenRequests[request]?.serverDone = true
    case .status(let code, let retryAfter)?:
      reply(request, .response(http: HTTPReply(status: code, retryAfter: retryAfter?.headerValue(at: now), body: .empty)))
    default:
      admitForService(request)
    }
  }

  private func admitForService(_ request: Int) {
    guard capacity != nil else { return finishService(request) }
    switch capacity!.admit(request) {
    case .serveNow: schedule(.tokenServiceDone(request: request), at: now + capacity!.config.serviceTime.sample(&serverRandom))
    case .queued: break
    case .rejected: reply(request, .response(http: HTTPReply(status: 503, body: .empty)))
    }
  }

  /// The server applies the refresh (the commit point), then answers unless a fault loses it.
  func finishService(_ request: Int) {
    if capacity != nil, let next = capacity!.finish() {
      schedule(.tokenServiceDone(request: next), at: now + capacity!.config.serviceTime.sample(&serverRandom))
    }
    guard let state = tokenRequests[request] else { return }
    let body = commit(request, token: state.token)
    let reply = body.map { HTTPReply(status: $0.status, body: $0.body) }
    switch state.fault {
    case .lostAfterCommit?:
      tokenRequests[request]?.lostAfterCommit = true
      tokenRequests[request]?.serverDone = true
      retireIfDone(request)
    case .empty?: self.reply(request, .response(http: HTTPReply(status: 200, body: .empty)))
    case .malformed?: self.reply(request, .response(http: HTTPReply(status: 200, body: .malformed)))
    default: self.reply(request, .response(http: reply!))
    }
  }

  private func commit(_ request: Int, token: RefreshToken) -> (status: Int, body: ReplyBody)? {
    switch ledger.refresh(token, now: now) {
    case .issued(let grant, let family, let withinLeeway):
      record(.tokenRequestServed(request: request, decision: withinLeeway ? .issuedInLeeway : .issued, family: family))
      return (200, .tokens(grant: grant))
    case .refused(let refusal, let family):
      record(.tokenRequestServed(request: request, decision: ServerDecision(refusal), family: family))
      if refusal == .reuse, let family {
        record(.reuseDetected(family: family, token: token.serial))
        if scenario.server.onReuse == .revokeFamily { record(.familyRevoked(family: family, cause: .reuse)) }
      }
      let (status, code) = scenario.server.errorFormat.refusal
      return (status, .oauthError(error: code))
    }
  }

  private func reply(_ request: Int, _ reply: TokenEndpointReply) {
    tokenRequests[request]?.reply = reply
    tokenRequests[request]?.serverDone = true
    let latency = scenario.server.tokenLatency.sample(&serverRandom) + (tokenRequests[request]?.extraLatency ?? .zero)
    schedule(.tokenReplyArrives(request: request), at: now + latency)
  }

  /// The response reaches the client, unless it already gave up.
  func tokenReplyArrives(_ request: Int) {
    guard let state = tokenRequests[request], !state.clientDone, let reply = state.reply else { return retireIfDone(request) }
    tokenRequests[request] = nil
    end(request, state: state, reply: reply)
  }

  /// The client's timeout fires before any response.
  func tokenTimeout(_ request: Int) {
    guard let state = tokenRequests[request], !state.clientDone else { return }
    tokenRequests[request]?.clientDone = true
    retireIfDone(request)
    end(request, state: state, reply: .timedOut)
  }

  private func end(_ request: Int, state: TokenRequestState, reply: TokenEndpointReply) {
    guard processes.contains(state.process), processes[state.process].alive,
      processes[state.process].incarnation == state.incarnation
    else { return }
    processes[state.process].refreshesInFlight -= 1
    let (outcome, status, retryAfter) = TokenOutcome.of(reply, lostAfterCommit: state.lostAfterCommit)
    record(.tokenRequestEnded(process: state.process, request: request, outcome: outcome, status: status, retryAfter: retryAfter))
    deliver(.refreshCompleted(request: state.tag, reply: reply), to: state.process)
  }

  private func retireIfDone(_ request: Int) {
    if let state = tokenRequests[request], state.serverDone, state.clientDone { tokenRequests[request] = nil }
  }
}

extension TokenOutcome {
  /// How the trace counts a reply.
  static func of(_ reply: TokenEndpointReply, lostAfterCommit: Bool) -> (TokenOutcome, Int?, String?) {
    switch reply {
    case .timedOut: return (lostAfterCommit ? .lostAfterCommit : .timeout, nil, nil)
    case .connectionReset: return (.connectionError, nil, nil)
    case .response(let http):
      let outcome: TokenOutcome
      switch (http.status, http.body) {
      case (429, _): outcome = .rateLimited
      case (500..., _): outcome = .serverError
      case (_, .tokens): outcome = .ok
      case (_, .oauthError): outcome = .invalidGrant
      default: outcome = .connectionError
      }
      return (outcome, http.status, http.retryAfter)
    }
  }
}

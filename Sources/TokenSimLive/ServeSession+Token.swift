import TokenSimKit

extension ServeSession {
  /// `POST /token`: a refresh_token grant handed to the model, its step carried out as the
  /// simulator's world carries it out (service end, commit, fate), with real timers.
  mutating func token(_ request: HTTPRequest, from route: ClientRoute, on connection: Int) -> ConnectionAction {
    let name = route.process
    let form: TokenRequestForm
    do {
      form = try TokenRequestForm(request)
    } catch {
      return .respond(.failure(error))
    }
    if let problem = form.problem {
      return .respond(.json(400, JSONText.object([("error", JSONText.quote(problem))])))
    }
    let token = form.refreshToken ?? RefreshToken(serial: 0)
    let time = now
    let host = server.family(of: token).flatMap(server.host(ofFamily:)) ?? firstHost
    let process = trace.process(named: name, host: host, at: time)
    let id = trace.newRequest()
    trace.record(.tokenRequestSent(process: process, request: id, token: token.serial), at: time)
    exchanges[connection] = Exchange(process: process, kind: .token(request: id))
    if form.wantsIDToken {
      let audience = TokenRequestForm.clientID(request, parameters: form.parameters) ?? IDToken.anonymousAudience
      let idToken = IDToken(issuer: publicBase + route.prefix, subject: settings.subject ?? host, audience: audience)
      exchanges[connection]?.idToken = idToken
    }
    tokenConnections[id] = connection
    return carryOut(server.receive(id, presenting: token, now: time), for: id)?.action ?? .wait
  }

  /// Carries out the model's step for `request`: schedules the next service end, records the
  /// commit, then sets up the fate on the request's connection (if its client still waits).
  mutating func carryOut(_ step: TokenEndpointStep, for request: Int) -> (connection: Int, action: ConnectionAction)? {
    if let due = step.serviceDue { timers.schedule(.serviceDue(request: due.request), at: due.at) }
    if let commit = step.commit { recordCommit(commit, of: request) }
    guard let fate = step.fate, let connection = tokenConnections[request] else { return nil }
    switch fate {
    case .reply(let http, let at): return (connection, answer(.token(.response(http: http)), on: connection, at: at))
    case .reset(let at): return (connection, answer(.token(.connectionReset), on: connection, at: at))
    case .hang:
      exchanges[connection]?.hung = true
      return (connection, .hang)
    case .lostAfterCommit:
      let process = exchanges.removeValue(forKey: connection)?.process ?? 0
      tokenConnections[request] = nil
      trace.record(
        .tokenRequestEnded(process: process, request: request, outcome: .lostAfterCommit, status: nil, retryAfter: nil),
        at: now)
      return (connection, .close)
    }
  }

  /// Keeps `answer` on `connection` until `at`.
  mutating func answer(_ answer: Exchange.Answer, on connection: Int, at: SimInstant) -> ConnectionAction {
    exchanges[connection]?.answer = answer
    timers.schedule(.deliver(connection: connection), at: at)
    return .wait
  }

  private mutating func recordCommit(_ commit: RefreshCommit, of request: Int) {
    let time = now
    commit.traceKinds(request: request) { trace.record($0, at: time) }
  }

  /// `POST /revoke` (RFC 7009): revokes the session of the presented refresh token's host, as a
  /// security event; always 200, as the RFC asks even for a token the server does not know.
  mutating func revoke(_ request: HTTPRequest) -> HTTPResponse {
    let parameters = TokenRequestForm.form(String(decoding: request.body, as: UTF8.self))
    let token = parameters["token"].flatMap { $0.hasPrefix("rt-") ? Int($0.dropFirst(3)) : nil }.map(RefreshToken.init)
    if let host = token.flatMap(server.family(of:)).flatMap(server.host(ofFamily:)) { revokeSessions(of: host) }
    return HTTPResponse(status: 200, headers: [("Cache-Control", "no-store")])
  }
}

import TokenSimKit

/// Everything `tokensim serve` knows apart from its sockets: the scenario's `AuthorizationServer`
/// (the same value the simulator drives), the server clock, the timers by server time, the
/// exchange each connection waits on, and the trace. The poll loop hands it requests, timer
/// ticks and closed connections; it answers with what to do to which connection. It never
/// touches a socket, so every decision here is the model's.
struct ServeSession {
  let scenario: Scenario
  let settings: ServeSettings
  /// The base URL, such as `http://127.0.0.1:8080`.
  let baseURL: String
  var server: AuthorizationServer
  var clock: ServerClock
  var timers = TimerQueue()
  var trace: LiveTrace
  /// The exchange each connection waits on, by connection id.
  var exchanges: [Int: Exchange] = [:]
  /// The connection of each token request still open, by request id.
  var tokenConnections: [Int: Int] = [:]
  /// Fault rules whose window is open now, for the trace's marks.
  var openWindows: Set<Int> = []
  /// The initial session of each logged-in host, in scenario order.
  private(set) var logins: [Login] = []
  /// Connections open now (the poll loop keeps it), for the state page.
  var openConnections = 0

  /// A session serving `scenario`: every logged-in host logged in at the start, the scenario's
  /// fault windows and security events set as timers, the trace streamed to `stream`.
  init(scenario: Scenario, settings: ServeSettings, baseURL: String, stream: TraceStream) {
    self.scenario = scenario
    self.settings = settings
    self.baseURL = baseURL
    trace = LiveTrace(stream: stream, duration: settings.timelineSpan(scenario: scenario))
    server = AuthorizationServer(config: scenario.server, seed: settings.seed)
    clock = ServerClock(rate: settings.rate)
    for host in scenario.hosts where host.loggedIn {
      let login = server.logInRecorded(host: host.name, now: .start)
      logins.append(login)
      trace.record(login.event, at: .start)
    }
    for (index, event) in scenario.server.securityEvents.enumerated() {
      timers.schedule(.securityEvent(index: index), at: event.at)
    }
    for (index, rule) in scenario.server.faults.enumerated() { scheduleWindow(of: index, rule) }
  }

  /// Sets the open and close marks of rule `index`'s window, if it has one.
  mutating func scheduleWindow(of index: Int, _ rule: FaultRule) {
    guard let window = rule.window else { return }
    timers.schedule(.faultWindow(rule: index, open: true), at: window.lowerBound)
    timers.schedule(.faultWindow(rule: index, open: false), at: window.upperBound)
  }

  /// The base URL clients are told about (discovery documents, the id_token's `iss`): the
  /// `--public-url` of a TLS front, else the URL served.
  var publicBase: String { settings.publicURL ?? baseURL }

  /// The server time now.
  var now: SimInstant { clock.now() }

  /// The `Date` header value now.
  var date: String { HTTPDate.format(now) }

  /// The scenario's first host, where a client whose first token the server never issued runs.
  var firstHost: String { scenario.hosts.first?.name ?? "server" }

  /// Answers `request` read on `connection`.
  mutating func handle(_ request: HTTPRequest, on connection: Int) -> ConnectionAction {
    let path = request.path
    if path.hasPrefix("/_tokensim/") { return .respond(control(request)) }
    guard let route = ClientRoute(path) else {
      return .respond(.text(404, "no such endpoint: \(path) (see \(baseURL)/.well-known/oauth-authorization-server)"))
    }
    switch route.endpoint {
    case .token:
      guard request.method == "POST" else { return .respond(methodNotAllowed("POST", path)) }
      return token(request, from: route, on: connection)
    case .api: return api(request, from: route.process, on: connection)
    case .revoke:
      guard request.method == "POST" else { return .respond(methodNotAllowed("POST", path)) }
      return .respond(revoke(request))
    case .wellKnown: return .respond(wellKnown(request, prefix: route.prefix))
    }
  }

  private func methodNotAllowed(_ allowed: String, _ path: String) -> HTTPResponse {
    var response = HTTPResponse.text(405, "\(path) takes \(allowed)")
    response.headers.append(("Allow", allowed))
    return response
  }

  /// Fires every timer due by now; returns what to do to which connection.
  mutating func fireDueTimers() -> [(connection: Int, action: ConnectionAction)] {
    var actions: [(connection: Int, action: ConnectionAction)] = []
    while let action = timers.popDue(now: now) {
      switch action {
      case .serviceDue(let request):
        let step = server.finishService(request, now: now)
        if let done = carryOut(step, for: request) { actions.append(done) }
      case .deliver(let connection):
        if let answer = deliver(on: connection) { actions.append((connection, answer)) }
      case .faultWindow(let rule, let open): markWindow(rule, open: open)
      case .securityEvent(let index): revokeSessions(of: scenario.server.securityEvents[index].host)
      }
    }
    return actions
  }

  /// Records a fault window's mark, once per opening and closing.
  mutating func markWindow(_ rule: Int, open: Bool) {
    guard open != openWindows.contains(rule) else { return }
    if open { openWindows.insert(rule) } else { openWindows.remove(rule) }
    trace.record(.faultWindow(rule: rule, fault: server.faultRules[rule], open: open), at: now)
  }

  /// A security event now: revokes `host`'s session, or every session; returns the families revoked.
  @discardableResult
  mutating func revokeSessions(of host: String?) -> [Int] {
    let time = now
    trace.record(.securityEvent(host: host), at: time)
    let families = server.revokeSessions(for: SecurityEvent(at: time, host: host), now: time)
    for family in families { trace.record(.familyRevoked(family: family, cause: .securityEvent), at: time) }
    return families
  }

  /// The client closed `connection` (or the server dropped it): a request still waiting on it
  /// ended for its client with no answer.
  mutating func connectionClosed(_ connection: Int) {
    guard let exchange = exchanges.removeValue(forKey: connection) else { return }
    switch exchange.kind {
    case .token(let request):
      tokenConnections[request] = nil
      trace.record(
        .tokenRequestEnded(process: exchange.process, request: request, outcome: .timeout, status: nil, retryAfter: nil),
        at: now)
    case .api: trace.record(.apiCallEnded(process: exchange.process, ok: false, status: nil), at: now)
    }
  }

  /// The waiting answer on `connection` goes out now: recorded, then written or reset.
  private mutating func deliver(on connection: Int) -> ConnectionAction? {
    guard let exchange = exchanges.removeValue(forKey: connection), let answer = exchange.answer else { return nil }
    switch (exchange.kind, answer) {
    case (.token(let request), .token(let reply)):
      tokenConnections[request] = nil
      let (outcome, status, retryAfter) = TokenOutcome.of(reply, lostAfterCommit: false)
      trace.record(
        .tokenRequestEnded(process: exchange.process, request: request, outcome: outcome, status: status, retryAfter: retryAfter),
        at: now)
      guard case .response(let http) = reply else { return .reset }
      return .respond(TokenReplyEncoding.response(http, idToken: idToken(exchange.idToken, for: http)))
    case (.api, .api(let status)):
      trace.record(.apiCallEnded(process: exchange.process, ok: status == 200, status: status), at: now)
      guard let status else { return .reset }
      return .respond(APIResponse.response(status: status))
    default: preconditionFailure("connection \(connection) holds an answer of another kind than its request")
    }
  }

  /// The signed (or unsigned) id_token for a token reply `http`, when its request asked for one.
  private func idToken(_ token: IDToken?, for http: HTTPReply) -> String? {
    token?.jwt(replying: http, deliveredAt: now, key: settings.idTokenKey)
  }

  /// The run so far as reports see it, ending now.
  func result() -> RunResult { trace.result(of: scenario, seed: settings.seed, end: now) }

  /// Writes the five reports of the run so far into the output directory.
  func writeReports() throws(SuiteError) -> RunResult {
    let result = result()
    if let error = trace.streamError { throw SuiteError(error) }
    try RunFiles.write(result, to: settings.outDirectory)
    return result
  }
}

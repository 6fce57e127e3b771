import TokenSimKit

/// The control API under `/_tokensim/`, for tests written in any language: the state, fault
/// windows added or ended now, security events, the clock moved forward, the trace so far, and
/// the reports written now. Its requests are not traced.
extension ServeSession {
  mutating func control(_ request: HTTPRequest) -> HTTPResponse {
    let route = String(request.path.dropFirst("/_tokensim/".count))
    let parts = route.split(separator: "/")
    switch (request.method, route) {
    case ("GET", "state"): return .json(200, state())
    case ("GET", "trace"):
      return HTTPResponse(status: 200, headers: [("Content-Type", "application/x-ndjson")], body: trace.jsonLines)
    case ("POST", "faults"): return addFault(request.body)
    case ("POST", "revoke"): return revoke(body: request.body)
    case ("POST", "clock/advance"): return advanceClock(request.body)
    case ("POST", "reports"): return reports()
    case ("POST", _) where parts.count == 3 && parts[0] == "faults" && parts[2] == "end":
      return endFault(String(parts[1]))
    default:
      return .text(
        404,
        "no control endpoint \(request.method) /_tokensim/\(route); there are GET state, GET trace, POST faults, "
          + "POST faults/N/end, POST revoke, POST clock/advance, POST reports")
    }
  }

  /// `GET /_tokensim/state`.
  func state() -> String {
    let time = now
    let families = server.familyStates.map {
      JSONText.object([
        ("family", String($0.id)), ("host", JSONText.quote($0.host)), ("revoked", String($0.revoked)),
        ("generations", String($0.generations)), ("refreshToken", JSONText.quote($0.current.description)),
      ])
    }
    let faults = server.faultRules.enumerated().map { index, rule in
      JSONText.object([
        ("rule", String(index)), ("effect", JSONText.quote(rule.effect.name)),
        ("target", JSONText.quote(rule.target.rawValue)), ("active", String(rule.window?.contains(time) ?? true)),
      ])
    }
    let tokenRequests = exchanges.values.filter { $0.kind != .api }.count
    return JSONText.object([
      ("serverTime", JSONText.quote(time.description)), ("serverMicroseconds", String(time.microseconds)),
      ("date", JSONText.quote(HTTPDate.format(time))), ("rate", String(settings.rate)),
      ("families", "[" + families.joined(separator: ",") + "]"),
      ("tokenRequestsInFlight", String(tokenRequests)), ("inService", String(server.requestsInFlight)),
      ("connections", String(openConnections)), ("faults", "[" + faults.joined(separator: ",") + "]"),
      ("traceEvents", String(trace.count)),
    ])
  }

  /// `POST /_tokensim/faults`: a scenario fault rule with a `duration` instead of `from`/`to`,
  /// in force from now.
  mutating func addFault(_ body: [UInt8]) -> HTTPResponse {
    let endpoint = "POST /_tokensim/faults"
    guard var node = try? JSONParser.parse(String(decoding: body, as: UTF8.self)), case .object(var fields) = node.value else {
      return .text(400, "\(endpoint) takes a JSON object: a fault rule as in a scenario, with \"duration\"")
    }
    if fields.contains(where: { $0.key == "from" || $0.key == "to" }) {
      return .text(400, "\(endpoint): a fault added now starts now; give \"duration\" (such as \"30s\"), not from/to")
    }
    var duration = SimDuration.days(3_650)
    if let index = fields.firstIndex(where: { $0.key == "duration" }) {
      guard case .string(let text) = fields[index].node.value, let parsed = DurationText.parse(text), parsed > .zero
      else { return .text(400, "\(endpoint): \"duration\" must be a duration such as \"30s\" or \"5m\"") }
      duration = parsed
      fields.remove(at: index)
    }
    node.value = .object(fields)
    var rule: FaultRule
    do {
      rule = try FaultRule(reading: JSONReader(root: node, file: endpoint))
    } catch {
      return .text(400, error.description)
    }
    let time = now
    rule.window = time..<(time + duration)
    let index = server.addFault(rule)
    scheduleWindow(of: index, rule)
    markWindow(index, open: true)
    return .json(
      200,
      JSONText.object([
        ("rule", String(index)), ("effect", JSONText.quote(rule.effect.name)),
        ("from", JSONText.quote(time.description)), ("to", JSONText.quote((time + duration).description)),
      ]))
  }

  /// `POST /_tokensim/faults/N/end`.
  mutating func endFault(_ text: String) -> HTTPResponse {
    guard let index = Int(text), server.faultRules.indices.contains(index) else {
      return .text(404, "no fault rule \(text); there are \(server.faultRules.count) (GET /_tokensim/state lists them)")
    }
    server.endFault(index, now: now)
    markWindow(index, open: false)
    return .json(200, JSONText.object([("rule", String(index)), ("ended", JSONText.quote(now.description))]))
  }

  /// `POST /_tokensim/revoke` with `{"host": "laptop"}`, or no host for every session.
  mutating func revoke(body: [UInt8]) -> HTTPResponse {
    var host: String?
    let text = String(decoding: body, as: UTF8.self)
    if !text.allSatisfy(\.isWhitespace) {
      guard case .object(let fields)? = try? JSONParser.parse(text).value else {
        return .text(400, "POST /_tokensim/revoke takes {\"host\": \"NAME\"}, or {} for every session")
      }
      if let value = fields.first(where: { $0.key == "host" })?.node.value, case .string(let name) = value { host = name }
    }
    if let host, !scenario.hosts.contains(where: { $0.name == host }) {
      return .text(404, "no host \"\(host)\" in the scenario (hosts: \(scenario.hosts.map(\.name).joined(separator: ", ")))")
    }
    let families = revokeSessions(of: host)
    return .json(200, JSONText.object([("revokedFamilies", "[" + families.map(String.init).joined(separator: ",") + "]")]))
  }

  /// `POST /_tokensim/clock/advance` with `{"by": "10m"}`.
  mutating func advanceClock(_ body: [UInt8]) -> HTTPResponse {
    guard case .object(let fields)? = try? JSONParser.parse(String(decoding: body, as: UTF8.self)).value,
      case .string(let text)? = fields.first(where: { $0.key == "by" })?.node.value,
      let duration = DurationText.parse(text), duration >= .zero
    else { return .text(400, "POST /_tokensim/clock/advance takes {\"by\": \"10m\"}: a duration to move forward") }
    clock.advance(by: duration)
    return .json(
      200, JSONText.object([("serverTime", JSONText.quote(now.description)), ("date", JSONText.quote(date))]))
  }

  /// `POST /_tokensim/reports`.
  func reports() -> HTTPResponse {
    do {
      let result = try writeReports()
      return .json(
        200,
        JSONText.object([
          ("directory", JSONText.quote(settings.outDirectory)), ("verdict", JSONText.quote(result.analysis.verdict.rawValue)),
        ]))
    } catch {
      return .text(500, error.message)
    }
  }
}

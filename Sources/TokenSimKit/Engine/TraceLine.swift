/// Writes trace events as JSON lines: `{"t":…,"event":"…",…}` with keys in a fixed order, and
/// enumerated values by their raw values. docs/TRACE.md documents every line.
public enum TraceLine {
  /// The JSON line for `event`, without a newline.
  public static func json(_ event: TraceEvent) -> String {
    var fields: [(String, String)] = [("t", String(event.time.microseconds))]
    let (name, facts) = describe(event.kind)
    fields.append(("event", quote(name)))
    fields.append(contentsOf: facts)
    return "{" + fields.map { "\(quote($0.0)):\($0.1)" }.joined(separator: ",") + "}"
  }

  static func quote(_ text: String) -> String { JSONQuoting.quoted(text) }

  /// The refresh token's expiry fields: the instant in microseconds and which lifetime ends then.
  private static func refresh(_ expiry: RefreshExpiry?) -> [(String, String)] {
    [
      ("refreshTokenExpiresAt", expiry.map { String($0.at.microseconds) } ?? "null"),
      ("refreshTokenLifetime", expiry.map { quote($0.lifetime) } ?? "null"),
    ]
  }

  private static func describe(_ kind: TraceKind) -> (String, [(String, String)]) {
    func s(_ v: String) -> String { quote(v) }
    func n(_ v: Int) -> String { String(v) }
    func b(_ v: Bool) -> String { v ? "true" : "false" }
    func o(_ v: Int?) -> String { v.map(String.init) ?? "null" }
    switch kind {
    case .login(let host, let family, let ttl, let expiry):
      return (
        "login", [("host", s(host)), ("family", n(family)), ("accessTokenTTL", s(ttl.description))] + refresh(expiry)
      )
    case .processStarted(let p, let name, let role, let host):
      return ("processStarted", [("process", n(p)), ("name", s(name)), ("role", s(role.rawValue)), ("host", s(host))])
    case .processExited(let p, let ok): return ("processExited", [("process", n(p)), ("ok", b(ok))])
    case .processCrashed(let p): return ("processCrashed", [("process", n(p))])
    case .tokenRequestSent(let p, let r, let t):
      return ("tokenRequestSent", [("process", n(p)), ("request", n(r)), ("refreshToken", s("rt-\(t)"))])
    case .tokenRequestServed(let r, let decision, let family, let expiry):
      return (
        "tokenRequestServed",
        [("request", n(r)), ("decision", s(decision.rawValue)), ("family", o(family))] + refresh(expiry)
      )
    case .tokenRequestEnded(let p, let r, let outcome, let status, let retryAfter):
      return (
        "tokenRequestEnded",
        [
          ("process", n(p)), ("request", n(r)), ("outcome", s(outcome.rawValue)), ("status", o(status)),
          ("retryAfter", retryAfter.map(s) ?? "null"),
        ]
      )
    case .reuseDetected(let family, let token):
      return ("reuseDetected", [("family", n(family)), ("refreshToken", s("rt-\(token)"))])
    case .familyRevoked(let family, let cause): return ("familyRevoked", [("family", n(family)), ("cause", s(cause.rawValue))])
    case .callDenied(let p): return ("callDenied", [("process", n(p))])
    case .callWaiting(let p): return ("callWaiting", [("process", n(p))])
    case .refreshForced(let p): return ("refreshForced", [("process", n(p))])
    case .apiCallEnded(let p, let ok, let status):
      return ("apiCallEnded", [("process", n(p)), ("ok", b(ok)), ("status", o(status))])
    case .storeRead(let p, let host, let result):
      return ("storeRead", [("process", n(p)), ("host", s(host)), ("result", s(result.rawValue))])
    case .storeWritten(let p, let host, let token, let lost):
      return (
        "storeWritten",
        [("process", n(p)), ("host", s(host)), ("refreshToken", token.map { s("rt-\($0)") } ?? "null"), ("lostUpdate", b(lost))]
      )
    case .lock(let p, let host, let what): return ("lock", [("process", n(p)), ("host", s(host)), ("what", s(what.rawValue))])
    case .workCycleEnded(let p, let ok): return ("workCycleEnded", [("process", n(p)), ("ok", b(ok))])
    case .workCycleSkipped(let p): return ("workCycleSkipped", [("process", n(p))])
    case .workLoopRestarted(let p): return ("workLoopRestarted", [("process", n(p))])
    case .workItemEnded(let p, let completed, let attempts):
      return ("workItemEnded", [("process", n(p)), ("completed", b(completed)), ("attempts", n(attempts))])
    case .alertRaised(let p, let message): return ("alertRaised", [("process", n(p)), ("message", s(message))])
    case .faultWindow(let rule, let fault, let open):
      return (
        "faultWindow",
        [
          ("rule", n(rule)), ("target", s(fault.target.rawValue)), ("effect", s(fault.effect.name)),
          ("retryAfter", fault.retryAfter.map { s($0.delay.description) } ?? "null"),
          ("probability", String(fault.probability)), ("nextRequests", o(fault.nextRequests)), ("open", b(open)),
        ]
      )
    case .securityEvent(let host): return ("securityEvent", [("host", host.map(s) ?? "null")])
    case .schedulerArmFailed(let p): return ("schedulerArmFailed", [("process", n(p))])
    case .hostSuspension(let host, let suspended):
      return ("hostSuspension", [("host", s(host)), ("suspended", b(suspended))])
    case .runEnded(let reason): return ("runEnded", [("reason", s(reason.rawValue))])
    }
  }
}

extension String {
  func leftPadded(to width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
}

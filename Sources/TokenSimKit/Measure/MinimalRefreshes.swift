/// The fewest token requests a perfect client would have needed: per host, one shared session
/// refreshed only when a live daemon or CLI needs it past its access token's expiry, with the
/// same process lifetimes and TTLs as the run. After the session is revoked, one request
/// (to learn it) and no more. A need inside a window in which the token endpoint fails costs
/// the retries a correct client spends there (`TokenFaultWindows`), the session's one throttle
/// shared by every process of the host.
struct MinimalRefreshes {
  /// One host's perfect session.
  private struct Session {
    var ttl: SimDuration
    var expiry: SimInstant
    var live = 0
    var since = SimInstant.start
    var dead = false
    var learnedDead = false
    /// After failed requests: when the next one goes out, and whether it succeeds whatever
    /// window is open then.
    var retry: (at: SimInstant, succeeds: Bool)?
  }

  /// By host number (`ProcessDirectory.hosts`); nil before the host's login.
  private var sessions: [Session?] = []
  private var windows = TokenFaultWindows()
  private(set) var count = 0

  /// Fault rule `rule`'s window opened or closed.
  mutating func faultWindow(rule: Int, fault: FaultRule, open: Bool, at time: SimInstant) {
    windows.mark(rule: rule, fault: fault, open: open, at: time)
  }

  mutating func login(host: Int, ttl: SimDuration, at time: SimInstant) {
    sessions.extend(through: host, with: nil)
    sessions[host] = Session(ttl: ttl, expiry: time + ttl)
  }

  /// A daemon or CLI of `host` started.
  @inline(__always)
  mutating func started(host: Int, at time: SimInstant) {
    withSession(host) { session, _ in
      if session.live == 0 { session.since = time }
      session.live += 1
    }
  }

  /// A daemon or CLI of `host` ended.
  mutating func ended(host: Int, at time: SimInstant) {
    countRequests(of: host) { session, windows in
      guard session.live > 0 else { return 0 }
      session.live -= 1
      return session.live == 0 ? Self.cover(&session, until: time, windows: windows) : 0
    }
  }

  /// A program of `host` refreshes whatever its token, by design: the perfect client refreshes
  /// too (once the session is dead it has already spent its one request to learn that). Inside
  /// a failing window that one request fails and the session keeps its token.
  mutating func forced(host: Int, at time: SimInstant) {
    countRequests(of: host) { session, windows in
      guard !session.dead else { return 0 }
      let added = Self.cover(&session, until: time, windows: windows) + 1
      guard !windows.failsRequests(at: time) else { return added }
      session.expiry = time + session.ttl
      session.retry = nil
      session.since = time
      return added
    }
  }

  /// The host's session was revoked.
  mutating func revoked(host: Int, at time: SimInstant) {
    countRequests(of: host) { session, windows in
      guard !session.dead else { return 0 }
      let added = session.live > 0 ? Self.cover(&session, until: time, windows: windows) : 0
      session.dead = true
      session.since = time
      return added
    }
  }

  mutating func finish(end: SimInstant) {
    for host in sessions.indices {
      countRequests(of: host) { $0.live > 0 ? Self.cover(&$0, until: end, windows: $1) : 0 }
    }
  }

  /// Adds to `count` the requests `body` finds, applied in place to the session of `host`; none
  /// before the host's login.
  private mutating func countRequests(of host: Int, _ body: (inout Session, TokenFaultWindows) -> Int) {
    count += withSession(host, body) ?? 0
  }

  /// `body` applied in place to the session of `host`, given the fault windows; nil before the
  /// host's login.
  private mutating func withSession<Result>(
    _ host: Int, _ body: (inout Session, TokenFaultWindows) -> Result
  ) -> Result? {
    guard host < sessions.count, sessions[host] != nil else { return nil }
    return body(&sessions[host]!, windows)
  }

  /// Seed 003's proactive window: a correct client refreshes up to 5 minutes (at most half the
  /// token's lifetime) before the expiry.
  private static func proactiveLead(ttl: SimDuration) -> SimDuration {
    min(.minutes(5), SimDuration(microseconds: ttl.microseconds / 2))
  }

  /// When the expiry `need` falls inside a failing window that opened after the proactive window
  /// began, a correct client refreshed at the start of that window (or when the session became
  /// live, if later), with one request: that instant; nil when it would have failed too.
  private static func earlyRefresh(_ session: Session, need: SimInstant, windows: TokenFaultWindows) -> SimInstant? {
    guard session.retry == nil, need == session.expiry else { return nil }
    let early = max(session.since, need - Self.proactiveLead(ttl: session.ttl))
    return early < need && !windows.failsRequests(at: early) ? early : nil
  }

  /// Requests needed to keep a token valid from `since` until `end`.
  private static func cover(_ session: inout Session, until end: SimInstant, windows: TokenFaultWindows) -> Int {
    guard end > session.since else { return 0 }
    if session.dead {
      defer { session.learnedDead = true }
      return session.learnedDead ? 0 : 1
    }
    var added = 0
    while true {
      let now = max(session.since, session.expiry, session.retry?.at ?? .start)
      guard now < end else { break }
      var at = now
      if session.retry?.succeeds != true, !windows.isEmpty, let retries = windows.retries(at: now, before: end) {
        if let early = earlyRefresh(session, need: now, windows: windows) {
          at = early
        } else {
          added += retries.failed
          session.retry = (retries.next, retries.succeeds)
          continue
        }
      }
      added += 1
      session.expiry = at + session.ttl
      session.retry = nil
    }
    session.since = end
    return added
  }
}

/// The fewest token requests a perfect client would have needed: per host, one shared session
/// refreshed only when a live daemon or CLI needs it past its access token's expiry, with the
/// same process lifetimes and TTLs as the run. After the session is revoked, one request
/// (to learn it) and no more.
struct MinimalRefreshes {
  /// One host's perfect session.
  private struct Session {
    var ttl: SimDuration
    var expiry: SimInstant
    var live = 0
    var since = SimInstant.start
    var dead = false
    var learnedDead = false
  }

  private var sessions: [String: Session] = [:]
  private(set) var count = 0

  mutating func login(host: String, ttl: SimDuration, at time: SimInstant) {
    sessions[host] = Session(ttl: ttl, expiry: time + ttl)
  }

  /// A daemon or CLI of `host` started (one hash of the host's name: the session is found once).
  mutating func started(host: String, at time: SimInstant) {
    guard let index = sessions.index(forKey: host) else { return }
    if sessions.values[index].live == 0 { sessions.values[index].since = time }
    sessions.values[index].live += 1
  }

  /// A daemon or CLI of `host` ended.
  mutating func ended(host: String, at time: SimInstant) {
    guard let index = sessions.index(forKey: host), sessions.values[index].live > 0 else { return }
    sessions.values[index].live -= 1
    if sessions.values[index].live == 0 { count += Self.cover(&sessions.values[index], until: time) }
  }

  /// A program of `host` refreshes whatever its token, by design: the perfect client refreshes
  /// too (once the session is dead it has already spent its one request to learn that).
  mutating func forced(host: String, at time: SimInstant) {
    guard let index = sessions.index(forKey: host), !sessions.values[index].dead else { return }
    count += Self.cover(&sessions.values[index], until: time) + 1
    sessions.values[index].expiry = time + sessions.values[index].ttl
    sessions.values[index].since = time
  }

  /// The host's session was revoked.
  mutating func revoked(host: String, at time: SimInstant) {
    guard sessions[host] != nil, !sessions[host]!.dead else { return }
    if sessions[host]!.live > 0 { count += Self.cover(&sessions[host]!, until: time) }
    sessions[host]!.dead = true
    sessions[host]!.since = time
  }

  mutating func finish(end: SimInstant) {
    for host in sessions.keys.sorted() where sessions[host]!.live > 0 { count += Self.cover(&sessions[host]!, until: end) }
  }

  /// Refreshes needed to keep a token valid from `since` until `end`.
  private static func cover(_ session: inout Session, until end: SimInstant) -> Int {
    guard end > session.since else { return 0 }
    if session.dead {
      defer { session.learnedDead = true }
      return session.learnedDead ? 0 : 1
    }
    var added = 0
    var now = max(session.since, session.expiry)
    while now < end {
      added += 1
      session.expiry = now + session.ttl
      now = session.expiry
    }
    session.since = end
    return added
  }
}

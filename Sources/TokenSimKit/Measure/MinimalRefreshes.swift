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

  /// A daemon or CLI of `host` started.
  mutating func started(host: String, at time: SimInstant) {
    guard sessions[host] != nil else { return }
    if sessions[host]!.live == 0 { sessions[host]!.since = time }
    sessions[host]!.live += 1
  }

  /// A daemon or CLI of `host` ended.
  mutating func ended(host: String, at time: SimInstant) {
    guard sessions[host] != nil, sessions[host]!.live > 0 else { return }
    sessions[host]!.live -= 1
    if sessions[host]!.live == 0 { cover(host, until: time) }
  }

  /// A program of `host` refreshes whatever its token, by design: the perfect client refreshes
  /// too (once the session is dead it has already spent its one request to learn that).
  mutating func forced(host: String, at time: SimInstant) {
    guard sessions[host] != nil, !sessions[host]!.dead else { return }
    cover(host, until: time)
    count += 1
    sessions[host]!.expiry = time + sessions[host]!.ttl
    sessions[host]!.since = time
  }

  /// The host's session was revoked.
  mutating func revoked(host: String, at time: SimInstant) {
    guard sessions[host] != nil, !sessions[host]!.dead else { return }
    if sessions[host]!.live > 0 { cover(host, until: time) }
    sessions[host]!.dead = true
    sessions[host]!.since = time
  }

  mutating func finish(end: SimInstant) {
    for host in sessions.keys.sorted() where sessions[host]!.live > 0 { cover(host, until: end) }
  }

  /// Refreshes needed to keep a token valid from `since` until `end`.
  private mutating func cover(_ host: String, until end: SimInstant) {
    var session = sessions[host]!
    defer { sessions[host] = session }
    guard end > session.since else { return }
    if session.dead {
      if !session.learnedDead { count += 1 }
      session.learnedDead = true
      return
    }
    var now = max(session.since, session.expiry)
    while now < end {
      count += 1
      session.expiry = now + session.ttl
      now = session.expiry
    }
    session.since = end
  }
}

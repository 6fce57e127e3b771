/// Follows each host's session: when its refresh token became unusable (its family revoked, or
/// its newest refresh token past the expiry the trace gave with its last issue), the token
/// requests wasted on it afterwards, and how long it took for a process of that host to raise a
/// needs-login alert.
struct CredentialHealth {
  /// One login's family.
  struct Session {
    /// The host's number (`ProcessDirectory.hosts`).
    var host: Int
    /// When its newest refresh token is refused unless used again; nil for never.
    var expiry: RefreshExpiry?
    var deadSince: SimInstant?
    var cause = ""
    /// Expired: undone if the family is issued tokens again.
    var provisional = false
    /// Revoked by a scenario security event.
    var bySecurityEvent = false
    var neededAfterDeath: SimInstant?
    var alertedAt: SimInstant?
    var alertedBy = ""
    /// Whether `expiries` holds this family's one entry (at most one a family: its expiry never
    /// moves earlier, so an entry that comes due early is put back at the current expiry).
    var expiryQueued = false

    /// Takes note that its queued entry came due, and gives its expiry if it is still alive.
    mutating func unqueuedExpiry() -> RefreshExpiry? {
      expiryQueued = false
      return deadSince == nil ? expiry : nil
    }
  }

  /// A host's latest login, and what its session's state means for the host's next request or
  /// call, kept up to date whenever the session dies, lives again or is needed: a request or a
  /// call reads the host's entry alone, not its family's session.
  private struct HostLogin {
    /// The family of the host's latest login; nil before its first.
    var family: Int?
    /// Its session is dead.
    var dead = false
    /// Its session is dead and no process of a host of its family needed it since.
    var deadUnneeded = false
  }

  /// By family.
  private(set) var sessions = SerialTable<Session>()
  /// By host number (`ProcessDirectory.hosts`).
  private var hosts: [HostLogin] = []
  /// The hosts whose latest login is of each family, by family (nearly always one): a change of a
  /// session reaches them without looking at every host, which made a fleet-wide revocation
  /// cost hosts × families.
  private var hostsOnFamily = SerialTable<[Int]>()
  private(set) var requestsOnDeadCredentials = 0
  private(set) var alertsWhileValid = 0
  /// Host entries brought up to date with their family's session, in all: each change of a
  /// session visits the hosts on its family only (`CredentialHealthWorkTests` counts).
  private(set) var hostUpdates = 0
  /// Sessions dead now (a login that replaces a dead session takes it off): while none is, a
  /// request or a call needs no lookup.
  private var deadNow = 0
  /// The expiries given, to find the sessions that lapsed by a given time.
  private var expiries = ExpiryQueue()

  /// A login put `family` into the store of host number `host`.
  mutating func login(host: Int, family: Int, expiry: RefreshExpiry?, at time: SimInstant) {
    lapse(until: time)
    hosts.extend(through: host, with: HostLogin())
    // A family logged in again had its session replaced: hosts still on it take the new state.
    let replacedDead = sessions.modify(family) { $0.deadSince != nil } ?? false
    move(host, to: family)
    hosts[host] = HostLogin(family: family)
    sessions[family] = Session(host: host)
    if replacedDead {
      deadNow -= 1
      changed(family)
    }
    expires(family, at: expiry)
  }

  /// The family was revoked, on reuse or by a security event.
  mutating func revoked(family: Int, cause: RevocationCause, at time: SimInstant) {
    lapse(until: time)
    let security = cause != .reuse
    let how = security ? "revoked by a security event" : "revoked after a refresh token was reused"
    died(family, cause: how, bySecurityEvent: security, at: time)
  }

  /// The server decided on a request of `family`; `expiry` is the family's new expiry when issued.
  mutating func served(decision: ServerDecision, family: Int?, expiry: RefreshExpiry?, at time: SimInstant) {
    lapse(until: time)
    // Any other decision (a refusal of a revoked family, a dead credential's loop) changes nothing:
    // its session is not looked up.
    let refusedAsExpired = decision == .expired || decision == .idleExpired
    guard refusedAsExpired || decision.isIssued, let family,
      let (dead, provisional) = sessions.modify(family, { ($0.deadSince != nil, $0.provisional) })
    else { return }
    if refusedAsExpired {
      // Its newest token is still valid (the session would have lapsed above), so an older one of
      // the family was presented (a store that lost an update): the host is stuck all the same.
      // The refused request was itself spent on dead credentials, as the first after a revocation is.
      if !dead { requestsOnDeadCredentials += 1 }
      died(family, cause: "refused as \(decision.rawValue)", provisional: true, at: time)
    } else if decision.isIssued {
      if provisional {
        sessions.modify(family) { $0 = Session(host: $0.host, expiryQueued: $0.expiryQueued) }
        deadNow -= 1
        changed(family)
      }
      expires(family, at: expiry)
    }
  }

  /// A process of host number `host` (nil: a process never started) sent a token request.
  mutating func tokenRequestSent(host: Int?, at time: SimInstant) {
    lapse(until: time)
    guard deadNow > 0, let host, host < hosts.count, hosts[host].dead else { return }
    requestsOnDeadCredentials += 1
  }

  /// A process of `host` wanted to call the API and had no working token (its call waited, was
  /// denied or failed): a chance to notice a dead session.
  mutating func wantedWork(host: Int, at time: SimInstant) {
    lapse(until: time)
    guard deadNow > 0, host < hosts.count, hosts[host].deadUnneeded, let family = hosts[host].family else { return }
    sessions.modify(family) { $0.neededAfterDeath = time }
    changed(family)
  }

  /// `process` of `host` raised a needs-login alert. An alert on a host that never logged in is
  /// neither: there was no session to be valid (its store held none), and none died.
  mutating func alert(host: Int, process: String, at time: SimInstant) {
    lapse(until: time)
    guard let family = family(of: host) else { return }
    guard let session = sessions[family], session.deadSince != nil else {
      alertsWhileValid += 1
      return
    }
    if session.alertedAt == nil {
      sessions[family]!.alertedAt = time
      sessions[family]!.alertedBy = process
    }
  }

  /// The dead sessions that someone needed, in family order.
  var deadAndNeeded: [(family: Int, session: Session)] {
    sessions.numbers.compactMap { family in
      let session = sessions[family]!
      return session.deadSince != nil && session.neededAfterDeath != nil ? (family, session) : nil
    }
  }

  /// The longest delay from a needed dead session's first chance (the first time a process of its
  /// host needed it after it died) to its alert (0 when the alert came first); nil when one was
  /// never alerted or none died.
  var alertDelay: SimDuration? { longestToAlert { $0.neededAfterDeath! } }

  /// The longest time to alert over needed dead sessions; nil when one was never alerted or none died.
  var timeToAlert: SimDuration? { longestToAlert { $0.deadSince! } }

  /// The longest time from `start` to the alert over needed dead sessions (0 when the alert came
  /// first); nil when one was never alerted or none died.
  private func longestToAlert(from start: (Session) -> SimInstant) -> SimDuration? {
    let needed = deadAndNeeded
    guard !needed.isEmpty else { return nil }
    var longest = SimDuration.zero
    for (_, session) in needed {
      guard let alerted = session.alertedAt else { return nil }
      longest = max(longest, alerted - start(session))
    }
    return longest
  }

  /// The family of the latest login of host number `host`.
  private func family(of host: Int?) -> Int? {
    guard let host, host < hosts.count else { return nil }
    return hosts[host].family
  }

  /// Host number `host` logs in to `family`: it leaves the hosts of the family of its previous
  /// login, if another, and joins `family`'s.
  private mutating func move(_ host: Int, to family: Int) {
    let previous = hosts[host].family
    guard previous != family else { return }
    if let previous { hostsOnFamily.modify(previous) { $0.removeAll { $0 == host } } }
    hostsOnFamily.modify(family, default: []) { $0.append(host) }
  }

  /// The session of `family` was replaced, died, lived again or was needed: every host whose latest
  /// login is of that family (a family may be logged in on more than one host) takes its state.
  private mutating func changed(_ family: Int) {
    let (dead, unneeded) = sessions.modify(family) { ($0.deadSince != nil, $0.neededAfterDeath == nil) } ?? (false, true)
    let deadUnneeded = dead && unneeded
    for host in hostsOnFamily[family] ?? [] {
      precondition(hosts[host].family == family, "host \(host) is listed on family \(family) but logged in to another")
      hosts[host].dead = dead
      hosts[host].deadUnneeded = deadUnneeded
      hostUpdates += 1
    }
  }

  private mutating func expires(_ family: Int, at expiry: RefreshExpiry?) {
    let enqueue = sessions.modify(family) { session in
      session.expiry = expiry
      guard expiry != nil, !session.expiryQueued else { return false }
      session.expiryQueued = true
      return true
    }
    if enqueue == true, let expiry { expiries.add(family, at: expiry.at) }
  }

  /// Every live session whose newest refresh token expired by `time` died at its expiry: from then
  /// on it is unusable, whether or not anyone asked the server yet. Every event of a session asks
  /// this first, and nearly always no expiry is due: that comparison is made in place.
  @inline(__always)
  private mutating func lapse(until time: SimInstant) {
    guard let earliest = expiries.earliest, earliest <= time else { return }
    lapseDue(until: time)
  }

  /// `lapse`, once an expiry is due by `time`.
  private mutating func lapseDue(until time: SimInstant) {
    while let earliest = expiries.earliest, earliest <= time {
      let (at, family) = expiries.popEarliest()!
      guard let expiry = sessions.modify(family, { $0.unqueuedExpiry() }) ?? nil else { continue }
      guard expiry.at <= at else {
        sessions.modify(family) { $0.expiryQueued = true }
        expiries.add(family, at: expiry.at)
        continue
      }
      let cause = "expired (its refresh token's \(expiry.lifetime) lifetime ended)"
      died(family, cause: cause, provisional: true, at: expiry.at)
    }
  }

  private mutating func died(
    _ family: Int, cause: String, bySecurityEvent: Bool = false, provisional: Bool = false, at time: SimInstant
  ) {
    let died = sessions.modify(family) { session in
      guard session.deadSince == nil else { return false }
      session.deadSince = time
      session.cause = cause
      session.bySecurityEvent = bySecurityEvent
      session.provisional = provisional
      return true
    }
    guard died == true else { return }
    deadNow += 1
    changed(family)
  }
}

/// Follows each host's session: when its refresh token became unusable (its family revoked, or
/// refused as expired with no later issue), the token requests wasted on it afterwards, and how
/// long it took for a process of that host to raise a needs-login alert.
struct CredentialHealth {
  /// One login's family.
  struct Session {
    var host: String
    var deadSince: SimInstant?
    var cause = ""
    /// Refused as expired: undone if the family is issued tokens again.
    var provisional = false
    /// Revoked by a scenario security event.
    var bySecurityEvent = false
    var neededAfterDeath: SimInstant?
    var alertedAt: SimInstant?
    var alertedBy = ""
  }

  private(set) var sessions: [Int: Session] = [:]
  private var familyOfHost: [String: Int] = [:]
  private(set) var requestsOnDeadCredentials = 0
  private(set) var alertsWhileValid = 0
  /// Sessions dead now: while none is, a request or a call needs no lookup.
  private var deadNow = 0

  mutating func login(host: String, family: Int) {
    familyOfHost[host] = family
    sessions[family] = Session(host: host)
  }

  /// The family was revoked, on reuse or by a security event.
  mutating func revoked(family: Int, cause: RevocationCause, at time: SimInstant) {
    let security = cause != .reuse
    let how = security ? "revoked by a security event" : "revoked after a refresh token was reused"
    died(family, cause: how, bySecurityEvent: security, at: time)
  }

  /// The server decided on a request of `family`.
  mutating func served(decision: ServerDecision, family: Int?, at time: SimInstant) {
    guard let family, sessions[family] != nil else { return }
    if decision == .expired || decision == .idleExpired {
      // The refused request was itself spent on dead credentials, as the first request after a
      // revocation is.
      if sessions[family]!.deadSince == nil { requestsOnDeadCredentials += 1 }
      died(family, cause: "refused as \(decision.rawValue)", provisional: true, at: time)
    } else if decision.isIssued, sessions[family]!.provisional {
      sessions[family] = Session(host: sessions[family]!.host)
      deadNow -= 1
    }
  }

  /// A process of `host` sent a token request.
  mutating func tokenRequestSent(host: String) {
    guard deadNow > 0 else { return }
    if let family = familyOfHost[host], sessions[family]?.deadSince != nil { requestsOnDeadCredentials += 1 }
  }

  /// A process of `host` wanted to call the API.
  mutating func wantedWork(host: String, at time: SimInstant) {
    guard deadNow > 0, let family = familyOfHost[host], sessions[family]?.deadSince != nil,
      sessions[family]?.neededAfterDeath == nil
    else { return }
    sessions[family]!.neededAfterDeath = time
  }

  /// `process` of `host` raised a needs-login alert.
  mutating func alert(host: String, process: String, at time: SimInstant) {
    guard let family = familyOfHost[host], let session = sessions[family], session.deadSince != nil else {
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
    sessions.keys.sorted().compactMap { family in
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

  private mutating func died(
    _ family: Int, cause: String, bySecurityEvent: Bool = false, provisional: Bool = false, at time: SimInstant
  ) {
    guard sessions[family] != nil, sessions[family]!.deadSince == nil else { return }
    sessions[family]!.deadSince = time
    deadNow += 1
    sessions[family]!.cause = cause
    sessions[family]!.bySecurityEvent = bySecurityEvent
    sessions[family]!.provisional = provisional
  }
}

extension AuthorizationServer {
  /// Logs `host`'s user in at `now`: the first pair of a new token family.
  public mutating func logIn(host: String, now: SimInstant) -> TokenGrant { ledger.login(host: host, now: now) }

  /// The family most recently logged into `host`'s store.
  public func family(loggedInto host: String) -> Int? { ledger.family(loggedInto: host) }

  /// When family `id`'s newest refresh token will be refused if nobody uses it; nil when it never
  /// expires.
  public func refreshExpiry(ofFamily id: Int) -> RefreshExpiry? { ledger.refreshExpiry(ofFamily: id) }

  /// Applies a security event at `now`: revokes the family logged into its host, or every family.
  /// Returns the families it revoked (not those already revoked), in family order.
  public mutating func revokeSessions(for event: SecurityEvent, now: SimInstant) -> [Int] {
    let families = event.host.map { ledger.family(loggedInto: $0).map { [$0] } ?? [] } ?? ledger.families.map(\.id)
    return families.filter { ledger.revokeFamily($0, now: now) }
  }
}

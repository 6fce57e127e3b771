extension TokenLedger {
  /// The ledger's broken invariants at `now`, each naming the family or token and the time; empty
  /// when it is sound. Looks at every family and live token, not at every token ever issued.
  func invariantViolations(now: SimInstant) -> [String] {
    var violations: [String] = []
    for (index, family) in families.enumerated() {
      if family.id != index + 1 { violations.append("family \(family.id) is numbered \(index + 1) at \(now)") }
      violations += newestTokenViolations(family, now: now)
      if let revocation = family.revocation { violations += revocationViolations(family, revocation, now: now) }
    }
    // O(live tokens) each time the server is checked (debug builds), as before.
    for serial in live?.kept ?? [] where serial < 1 || serial > refreshTokens.count {
      violations.append("live refresh token rt-\(serial) at \(now) is beyond the \(refreshTokens.count) minted")
    }
    return violations
  }

  private func newestTokenViolations(_ family: TokenFamily, now: SimInstant) -> [String] {
    let serial = family.current
    guard serial >= 1, serial <= refreshTokens.count else {
      return ["family \(family.id)'s newest refresh token rt-\(serial) at \(now) is beyond the \(refreshTokens.count) minted"]
    }
    var violations: [String] = []
    let record = refreshTokens[serial]
    if record.family != family.id {
      violations.append("family \(family.id)'s newest refresh token rt-\(serial) belongs to family \(record.family) at \(now)")
    }
    if let successor = record.successor {
      violations.append("family \(family.id)'s newest refresh token rt-\(serial) was rotated into rt-\(successor) at \(now)")
    }
    if family.newestAccess > accessTokens.count {
      violations.append(
        "family \(family.id)'s newest access token at-\(family.newestAccess) at \(now) is beyond the \(accessTokens.count) minted"
      )
    }
    return violations
  }

  private func revocationViolations(_ family: TokenFamily, _ revocation: Revocation, now: SimInstant) -> [String] {
    var violations: [String] = []
    if revocation.at > now {
      violations.append("family \(family.id) is revoked at \(revocation.at), later than now (\(now))")
    }
    if family.current > revocation.refreshMinted {
      violations.append(
        "family \(family.id) revoked at \(revocation.at) has refresh token rt-\(family.current) issued after its revocation (checked at \(now))"
      )
    }
    if family.newestAccess > revocation.accessMinted {
      violations.append(
        "family \(family.id) revoked at \(revocation.at) has access token at-\(family.newestAccess) issued after its revocation (checked at \(now))"
      )
    }
    return violations
  }
}

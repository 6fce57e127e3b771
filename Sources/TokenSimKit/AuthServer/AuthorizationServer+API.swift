extension AuthorizationServer {
  /// Whether the protected resource API accepts `token` at `now`: known, not revoked, and `now`
  /// before the expiry its grant announced (`TokenGrant.expiresAt`, whole seconds): a token is
  /// refused from that instant on, as RFC 7519 §4.1.4 asks of a JWT's `exp`.
  public func accepts(_ token: AccessToken, now: SimInstant) -> Bool { ledger.accepts(token, now: now) }

  /// An API call bearing `token` arrives at `now`: its fault draw, latency and status.
  public mutating func callAPI(with token: AccessToken, now: SimInstant) -> APIAnswer {
    let draw = faultPlan.draw(for: .api, at: now)
    let at = now + (config.apiLatency.sample(&latencyRandom) + draw.extraLatency)
    switch draw.effect {
    case .hang?, .lostAfterCommit?: return .silence
    case .reset?, .empty?, .malformed?: return .answer(status: nil, at: at)
    case .status(let code, _)?: return .answer(status: code, at: at)
    // The ledger is asked directly: `accepts`, a method of the whole server called from this
    // mutating one, was handed a copy of the server (824 bytes) on every call.
    case .latency?, nil: return .answer(status: ledger.accepts(token, now: now) ? 200 : 401, at: at)
    }
  }
}

/// How the API answers one call.
public enum APIAnswer: Equatable, Sendable {
  /// The answer reaches the client at `at`: `status`, or nil when the connection was reset or the
  /// body is unreadable.
  case answer(status: Int?, at: SimInstant)
  /// No answer ever comes; the client waits for its own timeout.
  case silence
}

extension AuthorizationServer {
  /// Whether the server ever issued `token` (its serial is one the ledger minted).
  public func hasIssued(_ token: RefreshToken) -> Bool { token.serial >= 1 && token.serial <= ledger.refreshTokens.count }

  /// Whether the server ever issued `token`.
  public func hasIssued(_ token: AccessToken) -> Bool { token.serial >= 1 && token.serial <= ledger.accessTokens.count }
}

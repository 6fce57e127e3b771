/// A host logged in: the grant its credential store receives, the token family the login opened,
/// and the `.login` trace event that records it. The one home of what a login records, for the
/// simulated world and for `tokensim serve` alike.
public struct Login: Equatable, Sendable {
  /// The host whose store was logged in.
  public var host: String
  /// The token family the login opened.
  public var family: Int
  /// The tokens handed to the host's store.
  public var grant: TokenGrant
  /// When the family's refresh token will be refused if nobody uses it; nil when it never expires.
  public var refreshExpiry: RefreshExpiry?

  /// The trace event that records this login.
  public var event: TraceKind {
    .login(host: host, family: family, accessTokenTTL: grant.expiresIn, refreshExpiry: refreshExpiry)
  }
}

extension AuthorizationServer {
  /// Logs `host` in at `now` (`logIn(host:now:)`) and says what the login opened, with the trace
  /// event that records it.
  public mutating func logInRecorded(host: String, now: SimInstant) -> Login {
    let grant = logIn(host: host, now: now)
    // The login opened the ledger's newest family: no search by host for it.
    let family = ledger.families.count
    return Login(host: host, family: family, grant: grant, refreshExpiry: refreshExpiry(ofFamily: family))
  }
}

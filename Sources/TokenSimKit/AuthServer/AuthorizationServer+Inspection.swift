/// What a live driver (`tokensim serve`) reads of the server and changes in it beyond requests:
/// the families for its state page, which host a presented token belongs to, and fault rules
/// added or ended while it runs.
extension AuthorizationServer {
  /// One token family as a state page shows it.
  public struct FamilyState: Equatable, Sendable {
    /// The family's number, in login order.
    public var id: Int
    /// The host whose store the login went to.
    public var host: String
    /// Whether it was revoked (by reuse or a security event).
    public var revoked: Bool
    /// How many refresh-token generations were issued.
    public var generations: Int
    /// The newest refresh token.
    public var current: RefreshToken
  }

  /// Every family, in login order.
  public var familyStates: [FamilyState] {
    ledger.families.map {
      FamilyState(
        id: $0.id, host: $0.host, revoked: $0.revoked, generations: $0.generations, current: RefreshToken(serial: $0.current))
    }
  }

  /// The family `token` belongs to; nil when the server never issued it.
  public func family(of token: RefreshToken) -> Int? {
    hasIssued(token) ? ledger.refreshTokens[token.serial].family : nil
  }

  /// The family `token` belongs to; nil when it is unknown or expired (expired ones are forgotten).
  public func family(of token: AccessToken) -> Int? { ledger.accessTokens.record(token.serial)?.family }

  /// The host family `id` was logged into.
  public func host(ofFamily id: Int) -> String? {
    id >= 1 && id <= ledger.families.count ? ledger.families[id - 1].host : nil
  }

  /// The fault rules in force: the scenario's, then any added while serving, by index.
  public var faultRules: [FaultRule] { faultPlan.rules }

  /// Adds a fault rule after the others; returns its index (the trace's `rule`).
  public mutating func addFault(_ rule: FaultRule) -> Int { faultPlan.add(rule) }

  /// Ends rule `index`'s window at `now`; it hits no request from then on.
  public mutating func endFault(_ index: Int, now: SimInstant) {
    precondition(faultPlan.rules.indices.contains(index), "fault rule \(index) ended at \(now) does not exist")
    faultPlan.end(index, now: now)
  }
}

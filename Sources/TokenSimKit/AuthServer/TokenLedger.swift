/// The authorization server's memory: every family, refresh token and access token it issued,
/// and the rules of `ServerConfig` applied to a refresh_token grant.
struct TokenLedger {
  private let config: ServerConfig
  private(set) var families: [TokenFamily] = []
  /// Every refresh token by serial, in pages (none is retired: reuse detection needs them all).
  private(set) var refreshTokens = RetiringTable<RefreshRecord>()
  /// When a rotated token was rotated, where that differs from its last use (a successor rotated
  /// away within the reuse leeway); otherwise rotation and last use are the same instant.
  private var rotatedApart: [Int: SimInstant] = [:]
  /// Access tokens minted with each refresh token, kept only when rotation revokes them.
  private var accessMinted: [Int: [Int]] = [:]
  private(set) var accessTokens = AccessTokenLog()
  /// Live refresh tokens in issue order, for the per-user cap (nil without one).
  private(set) var live: LiveTokenCap?

  init(config: ServerConfig) {
    self.config = config
    live = config.maxLiveRefreshTokens.map(LiveTokenCap.init(cap:))
  }

  /// The decision on one refresh_token grant.
  enum Decision: Equatable {
    /// Tokens issued for `family`; `withinLeeway` when a reuse was forgiven.
    case issued(TokenGrant, family: Int, withinLeeway: Bool)
    /// Refused, with the family of the token when the server knows it.
    case refused(Refusal, family: Int?)
  }

  /// Why a refresh was refused.
  enum Refusal: String, Equatable {
    case unknownToken = "unknown-token"
    case expired
    case idleExpired = "idle-expired"
    case revoked
    case reuse
  }

  /// Issues the first pair of a new family for `host`.
  mutating func login(host: String, now: SimInstant) -> TokenGrant {
    let family = families.count + 1
    let refresh = mintRefresh(family: family, now: now, keepExpiry: nil)
    families.append(TokenFamily(id: family, host: host, current: refresh))
    return grant(mintAccess(family: family, with: refresh, now: now), refresh: refresh, now: now)
  }

  /// Applies a refresh_token grant presenting `token` at `now`.
  mutating func refresh(_ token: RefreshToken, now: SimInstant) -> Decision {
    guard token.serial >= 1, token.serial <= refreshTokens.count else { return .refused(.unknownToken, family: nil) }
    let record = refreshTokens[token.serial]
    if families[record.family - 1].revoked || record.isDead { return .refused(.revoked, family: record.family) }
    if now >= record.absoluteExpiry { return .refused(.expired, family: record.family) }
    if let idle = config.refreshIdleTTL, now - record.lastUsedAt >= idle {
      return .refused(.idleExpired, family: record.family)
    }
    guard let successor = record.successor else { return rotate(token.serial, now: now) }
    let at = rotatedApart[token.serial] ?? record.lastUsedAt
    return presentRotated(token.serial, at: at, successor: successor, now: now)
  }

  /// When family `id`'s newest refresh token will be refused if nobody uses it (see
  /// `RefreshExpiry`); nil when it has no lifetime at all, or the family is unknown.
  func refreshExpiry(ofFamily id: Int) -> RefreshExpiry? {
    guard id >= 1, id <= families.count else { return nil }
    let record = refreshTokens[families[id - 1].current]
    let idle = config.refreshIdleTTL.map { record.lastUsedAt + $0 } ?? .never
    if idle < record.absoluteExpiry { return RefreshExpiry(at: idle, idle: true) }
    return record.absoluteExpiry == .never ? nil : RefreshExpiry(at: record.absoluteExpiry, idle: false)
  }

  /// Whether the API accepts `token` at `now`: not revoked, and `now` before the whole-second
  /// expiry its grant announced (`ServerConfig.accessTokenExpiry`). Inlined: called, it was
  /// handed a copy of the ledger (368 bytes) by the server's mutating `callAPI`, on every API call.
  @inline(__always)
  func accepts(_ token: AccessToken, now: SimInstant) -> Bool {
    guard let record = accessTokens.record(token.serial) else { return false }
    return !record.revoked && now < record.expiresAt && !families[record.family - 1].revoked
  }

  /// Revokes family `id` and everything in it at `now`. Returns false when it already was.
  mutating func revokeFamily(_ id: Int, now: SimInstant) -> Bool {
    precondition(id >= 1 && id <= families.count, "family \(id) revoked at \(now) was never logged in")
    guard !families[id - 1].revoked else { return false }
    families[id - 1].revocation = Revocation(at: now, refreshMinted: refreshTokens.count, accessMinted: accessTokens.count)
    return true
  }

  /// The family most recently logged into `host`'s store.
  func family(loggedInto host: String) -> Int? { families.last(where: { $0.host == host })?.id }

  private mutating func rotate(_ serial: Int, now: SimInstant) -> Decision {
    let family = refreshTokens[serial].family
    refreshTokens[serial].lastUsedAt = now
    switch config.rotation {
    case .static:
      let access = mintAccess(family: family, with: serial, now: now)
      return .issued(grant(access, refresh: nil, now: now), family: family, withinLeeway: false)
    case .rotateWithoutRevoke:
      return .issued(issueSuccessor(of: serial, now: now, invalidateOld: false), family: family, withinLeeway: false)
    case .rotate:
      return .issued(issueSuccessor(of: serial, now: now, invalidateOld: true), family: family, withinLeeway: false)
    }
  }

  private mutating func presentRotated(_ serial: Int, at rotatedAt: SimInstant, successor: Int, now: SimInstant) -> Decision {
    let record = refreshTokens[serial]
    let isPreviousGeneration = refreshTokens[successor].isActive
    if isPreviousGeneration, now - rotatedAt <= config.reuseLeeway, config.reuseLeeway > .zero {
      switch config.leewayReply {
      case .sameSuccessor:
        let access = mintAccess(family: record.family, with: successor, now: now)
        return .issued(grant(access, refresh: successor, now: now), family: record.family, withinLeeway: true)
      case .newPair:
        return .issued(issueSuccessor(of: successor, now: now, invalidateOld: true), family: record.family, withinLeeway: true)
      }
    }
    if config.onReuse == .revokeFamily { _ = revokeFamily(record.family, now: now) }
    return .refused(.reuse, family: record.family)
  }

  private mutating func issueSuccessor(of serial: Int, now: SimInstant, invalidateOld: Bool) -> TokenGrant {
    let family = refreshTokens[serial].family
    families[family - 1].generations += 1
    let keep = config.rotatedKeepsOriginalExpiry ? refreshTokens[serial].absoluteExpiry : nil
    let successor = mintRefresh(family: family, now: now, keepExpiry: keep)
    families[family - 1].current = successor
    if invalidateOld {
      if refreshTokens[serial].isActive { live?.deactivated() }
      refreshTokens[serial].rotated(into: successor)
      if refreshTokens[serial].lastUsedAt != now { rotatedApart[serial] = now }
      if config.rotationRevokesAccessTokens { revokeAccess(mintedWith: serial) }
    }
    return grant(mintAccess(family: family, with: successor, now: now), refresh: successor, now: now)
  }

  private mutating func mintRefresh(family: Int, now: SimInstant, keepExpiry: SimInstant?) -> Int {
    let expiry = keepExpiry ?? config.refreshAbsoluteTTL.map { now + $0 } ?? .never
    let serial = refreshTokens.append(RefreshRecord(family: family, absoluteExpiry: expiry, lastUsedAt: now))
    enforceCap(adding: serial)
    return serial
  }

  private mutating func enforceCap(adding serial: Int) {
    guard live != nil else { return }
    live!.minted(serial)
    while live!.isOverCap, let oldest = live!.takeOldest() {
      guard refreshTokens[oldest].isActive else { continue }
      refreshTokens[oldest].kill()
      live!.deactivated()
    }
    if live!.needsSweep { live!.sweep(keeping: live!.kept.filter { refreshTokens[$0].isActive }) }
  }

  private mutating func mintAccess(family: Int, with refresh: Int, now: SimInstant) -> AccessToken {
    let serial = accessTokens.mint(family: family, expiresAt: config.accessTokenExpiry(issuedAt: now), now: now)
    families[family - 1].newestAccess = serial
    if config.rotationRevokesAccessTokens { accessMinted[refresh, default: []].append(serial) }
    return AccessToken(serial: serial)
  }

  /// The grant of `access`, minted at `now`, with refresh token `refresh` (nil when the client
  /// keeps its own): `expires_in` is the lifetime, `expiresAt` the expiry the API enforces.
  private func grant(_ access: AccessToken, refresh: Int?, now: SimInstant) -> TokenGrant {
    TokenGrant(
      accessToken: access, expiresIn: config.accessTokenTTL, expiresAt: config.accessTokenExpiry(issuedAt: now),
      refreshToken: refresh.map(RefreshToken.init(serial:)))
  }

  private mutating func revokeAccess(mintedWith refresh: Int) {
    for serial in accessMinted.removeValue(forKey: refresh) ?? [] { accessTokens.revoke(serial) }
  }
}

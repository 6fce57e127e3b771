/// The authorization server's memory: every family, refresh token and access token it issued,
/// and the rules of `ServerConfig` applied to a refresh_token grant.
struct TokenLedger {
  private let config: ServerConfig
  private(set) var families: [TokenFamily] = []
  private var refreshTokens: [RefreshRecord] = []
  private var accessTokens: [AccessRecord] = []
  /// Live refresh tokens in issue order, for the per-user cap.
  private var live: [Int] = []

  init(config: ServerConfig) { self.config = config }

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
    let refresh = mintRefresh(family: family, generation: 1, now: now, keepExpiry: nil)
    families.append(TokenFamily(id: family, host: host, current: refresh))
    return TokenGrant(
      accessToken: mintAccess(family: family, with: refresh, now: now), expiresIn: config.accessTokenTTL,
      refreshToken: RefreshToken(serial: refresh))
  }

  /// Applies a refresh_token grant presenting `token` at `now`.
  mutating func refresh(_ token: RefreshToken, now: SimInstant) -> Decision {
    guard token.serial >= 1, token.serial <= refreshTokens.count else { return .refused(.unknownToken, family: nil) }
    let record = refreshTokens[token.serial - 1]
    if families[record.family - 1].revoked || record.state == .dead { return .refused(.revoked, family: record.family) }
    if now >= record.absoluteExpiry { return .refused(.expired, family: record.family) }
    if let idle = config.refreshIdleTTL, now - record.lastUsedAt >= idle {
      return .refused(.idleExpired, family: record.family)
    }
    switch record.state {
    case .active: return rotate(record, now: now)
    case .rotated(let at, let successor): return presentRotated(record, at: at, successor: successor, now: now)
    case .dead: return .refused(.revoked, family: record.family)
    }
  }

  /// Whether the API accepts `token` at `now`.
  func accepts(_ token: AccessToken, now: SimInstant) -> Bool {
    guard token.serial >= 1, token.serial <= accessTokens.count else { return false }
    let record = accessTokens[token.serial - 1]
    return !record.revoked && now < record.expiresAt && !families[record.family - 1].revoked
  }

  /// Revokes family `id` and everything in it. Returns false when it already was.
  mutating func revokeFamily(_ id: Int) -> Bool {
    guard !families[id - 1].revoked else { return false }
    families[id - 1].revoked = true
    return true
  }

  /// The family most recently logged into `host`'s store.
  func family(loggedInto host: String) -> Int? { families.last(where: { $0.host == host })?.id }

  private mutating func rotate(_ record: RefreshRecord, now: SimInstant) -> Decision {
    let family = record.family
    refreshTokens[record.serial - 1].lastUsedAt = now
    switch config.rotation {
    case .static:
      let access = mintAccess(family: family, with: record.serial, now: now)
      return .issued(
        TokenGrant(accessToken: access, expiresIn: config.accessTokenTTL, refreshToken: nil), family: family, withinLeeway: false)
    case .rotateWithoutRevoke:
      return .issued(issueSuccessor(of: record, now: now, invalidateOld: false), family: family, withinLeeway: false)
    case .rotate:
      return .issued(issueSuccessor(of: record, now: now, invalidateOld: true), family: family, withinLeeway: false)
    }
  }

  private mutating func presentRotated(
    _ record: RefreshRecord, at rotatedAt: SimInstant, successor: Int, now: SimInstant
  ) -> Decision {
    let successorRecord = refreshTokens[successor - 1]
    let isPreviousGeneration = successorRecord.state == .active
    if isPreviousGeneration, now - rotatedAt <= config.reuseLeeway, config.reuseLeeway > .zero {
      switch config.leewayReply {
      case .sameSuccessor:
        let access = mintAccess(family: record.family, with: successor, now: now)
        let grant = TokenGrant(
          accessToken: access, expiresIn: config.accessTokenTTL, refreshToken: RefreshToken(serial: successor))
        return .issued(grant, family: record.family, withinLeeway: true)
      case .newPair:
        return .issued(
          issueSuccessor(of: successorRecord, now: now, invalidateOld: true), family: record.family, withinLeeway: true)
      }
    }
    if config.onReuse == .revokeFamily { _ = revokeFamily(record.family) }
    return .refused(.reuse, family: record.family)
  }

  private mutating func issueSuccessor(of record: RefreshRecord, now: SimInstant, invalidateOld: Bool) -> TokenGrant {
    let family = record.family
    families[family - 1].generations += 1
    let keep = config.rotatedKeepsOriginalExpiry ? record.absoluteExpiry : nil
    let successor = mintRefresh(family: family, generation: families[family - 1].generations, now: now, keepExpiry: keep)
    families[family - 1].current = successor
    if invalidateOld {
      refreshTokens[record.serial - 1].state = .rotated(at: now, successor: successor)
      if config.rotationRevokesAccessTokens { revokeAccess(mintedWith: record.serial) }
    }
    let access = mintAccess(family: family, with: successor, now: now)
    return TokenGrant(accessToken: access, expiresIn: config.accessTokenTTL, refreshToken: RefreshToken(serial: successor))
  }

  private mutating func mintRefresh(family: Int, generation: Int, now: SimInstant, keepExpiry: SimInstant?) -> Int {
    let serial = refreshTokens.count + 1
    let expiry = keepExpiry ?? config.refreshAbsoluteTTL.map { now + $0 } ?? .never
    refreshTokens.append(
      RefreshRecord(
        serial: serial, family: family, generation: generation, absoluteExpiry: expiry, lastUsedAt: now, state: .active))
    enforceCap(adding: serial)
    return serial
  }

  private mutating func enforceCap(adding serial: Int) {
    guard let cap = config.maxLiveRefreshTokens else { return }
    live = live.filter { refreshTokens[$0 - 1].state == .active } + [serial]
    while live.count > cap {
      refreshTokens[live.removeFirst() - 1].state = .dead
    }
  }

  private mutating func mintAccess(family: Int, with refresh: Int, now: SimInstant) -> AccessToken {
    accessTokens.append(AccessRecord(family: family, expiresAt: now + config.accessTokenTTL))
    if config.rotationRevokesAccessTokens { refreshTokens[refresh - 1].accessMinted.append(accessTokens.count) }
    return AccessToken(serial: accessTokens.count)
  }

  private mutating func revokeAccess(mintedWith refresh: Int) {
    for serial in refreshTokens[refresh - 1].accessMinted { accessTokens[serial - 1].revoked = true }
  }
}

/// The chain of refresh tokens that descends from one login.
struct TokenFamily {
  /// The family's number, in login order.
  let id: Int
  /// The host whose store the login went to.
  let host: String
  /// Whether the family was revoked (reuse, or a security event): no token of it works.
  var revoked = false
  /// The newest refresh token serial.
  var current: Int
  /// How many generations were issued.
  var generations = 1
}

/// The server's record of one refresh token.
struct RefreshRecord {
  let serial: Int
  let family: Int
  let generation: Int
  let absoluteExpiry: SimInstant
  var lastUsedAt: SimInstant
  var state: RefreshState
  /// Access tokens minted while it was current, kept only when rotation revokes them.
  var accessMinted: [Int] = []
}

/// Where a refresh token is in its life.
enum RefreshState: Equatable {
  /// Accepted.
  case active
  /// Used and replaced by `successor` at `at`.
  case rotated(at: SimInstant, successor: Int)
  /// Revoked with its family, or invalidated by the live-token cap.
  case dead
}

/// The server's record of one access token.
struct AccessRecord {
  let family: Int
  let expiresAt: SimInstant
  var revoked = false
}

/// The chain of refresh tokens that descends from one login.
struct TokenFamily {
  /// The family's number, in login order.
  let id: Int
  /// The host whose store the login went to.
  let host: String
  /// When and how far the family was revoked (reuse, or a security event): no token of it works.
  var revocation: Revocation?
  /// The newest refresh token serial.
  var current: Int
  /// How many generations were issued.
  var generations = 1
  /// The newest access token serial minted for the family.
  var newestAccess = 0

  /// Whether the family was revoked.
  var revoked: Bool { revocation != nil }
}

/// The moment a family was revoked, with how many tokens had been minted by then: nothing of the
/// family may be issued after it.
struct Revocation {
  let at: SimInstant
  let refreshMinted: Int
  let accessMinted: Int
}

/// The server's record of one refresh token, packed into 24 bytes because a month of rotations
/// keeps tens of thousands of them.
struct RefreshRecord {
  let absoluteExpiry: SimInstant
  var lastUsedAt: SimInstant
  private let familyNumber: Int32
  /// 0 while active, -1 once dead, else the serial of the token it was rotated into.
  private var link: Int32 = 0

  init(family: Int, absoluteExpiry: SimInstant, lastUsedAt: SimInstant) {
    precondition(family <= Int(Int32.max), "more token families than the ledger can number")
    familyNumber = Int32(family)
    self.absoluteExpiry = absoluteExpiry
    self.lastUsedAt = lastUsedAt
  }

  /// The family it belongs to.
  var family: Int { Int(familyNumber) }
  /// The token it was rotated into, if it was.
  var successor: Int? { link > 0 ? Int(link) : nil }
  /// Whether it was revoked or capped away.
  var isDead: Bool { link < 0 }
  /// Whether it is neither rotated nor dead.
  var isActive: Bool { link == 0 }

  /// Records that it was replaced by `successor`.
  mutating func rotated(into successor: Int) {
    precondition(successor <= Int(Int32.max), "more refresh tokens than the ledger can number")
    link = Int32(successor)
  }

  /// Records that it can no longer be used.
  mutating func kill() { link = -1 }
}

/// The server's record of one access token.
struct AccessRecord {
  let family: Int
  let expiresAt: SimInstant
  var revoked = false
}

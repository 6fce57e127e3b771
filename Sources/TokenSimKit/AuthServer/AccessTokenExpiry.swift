extension ServerConfig {
  /// The instant from which an access token issued at `issuedAt` is refused: its issue plus
  /// `accessTokenTTL`, rounded down to the whole second the token reply announces as `expiresAt`
  /// (`expires_at`, a JWT's `exp`: "the expiration time on or after which the JWT MUST NOT be
  /// accepted", RFC 7519 §4.1.4). The one home of the rule: the ledger records this instant for
  /// the API's check and puts it in the grant, so the server never accepts a token at or after the
  /// expiry its client was told. The lifetime is at least a second, so the instant is always
  /// after the issue.
  func accessTokenExpiry(issuedAt: SimInstant) -> SimInstant { (issuedAt + accessTokenTTL).roundedDownToSecond }
}

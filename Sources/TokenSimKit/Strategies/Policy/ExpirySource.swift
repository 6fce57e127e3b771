/// Which expiry a client keeps for a new access token.
public enum ExpirySource: String, Equatable, Sendable, CaseIterable {
  /// `expires_in` counted from when the reply arrived, on the host clock (x/oauth2, MSAL): a
  /// constant clock offset cancels.
  case expiresIn = "expires-in"
  /// The server's absolute expiry (`expires_at`, a JWT's `exp`, STS `Expiration`) compared with
  /// the host clock (botocore, aws-sdk-go-v2, kubelogin's ID-token `exp`): a host behind keeps
  /// using a token the server already considers expired, one ahead refreshes early.
  case expiresAt = "expires-at"
}

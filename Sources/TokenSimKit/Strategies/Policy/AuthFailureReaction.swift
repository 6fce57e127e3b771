/// What a client does when the token endpoint refuses its refresh token (`invalid_grant`).
public enum AuthFailureReaction: String, Equatable, Sendable, CaseIterable {
  /// Abandon the current work and start the work loop again, which reloads the store (the
  /// seed-004 daemon).
  case restartWorkLoop = "restart-work-loop"
  /// Reread the store once; if another process left a different refresh token, adopt it and try
  /// again; otherwise give up as `needsLogin`. A torn reread is read again after a pause, a few
  /// times, only where the coordination's client does so (`retriesTornReads`: lock-on-write,
  /// with msal-extensions' numbers in `TornRereadRetry`); elsewhere it means needs-login.
  case rereadRetryOnce = "reread-retry-once"
  /// Tell a person (needs-login), fail calls, and never present the dead token again.
  case needsLogin = "needs-login"
}

/// What a client does when the API answers 401 to an access token it believed valid.
public enum APIRejectionReaction: String, Equatable, Sendable, CaseIterable {
  /// Forget the access token so the next call refreshes.
  case refresh
  /// Keep presenting it until the clock says it expired (seed 000's client).
  case ignore
}

/// What a call does when a required refresh may not be attempted yet (backoff, Retry-After, an
/// attempt throttle).
public enum ThrottledCallPolicy: String, Equatable, Sendable, CaseIterable {
  /// The call waits for the deadline and the refresh after it.
  case wait
  /// The call fails at once.
  case fail
  /// The throttle only spaces optional refreshes; a required one is sent anyway (aws-sdk-go-v2).
  case ignore
}

/// Why the server revoked a whole token family. Raw values are the trace's stable words.
public enum RevocationCause: String, Equatable, Sendable, CaseIterable {
  /// A rotated-away refresh token was presented and the server revokes the family on reuse.
  case reuse
  /// A scenario security event (a user or an admin revoking access).
  case securityEvent = "security-event"
}

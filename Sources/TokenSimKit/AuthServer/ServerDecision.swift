/// The server's decision on one refresh_token grant, as the trace records it at the commit point.
/// Raw values are the trace's stable words.
public enum ServerDecision: String, Equatable, Sendable, CaseIterable {
  /// Tokens issued.
  case issued
  /// Tokens issued for a rotated-away token presented within the reuse leeway.
  case issuedInLeeway = "issued-in-leeway"
  /// Refused: the server never issued this token.
  case unknownToken = "unknown-token"
  /// Refused: past the token's absolute lifetime.
  case expired
  /// Refused: unused for longer than the idle lifetime.
  case idleExpired = "idle-expired"
  /// Refused: the token or its family was revoked.
  case revoked
  /// Refused: a rotated-away token was presented.
  case reuse

  /// Whether tokens were issued.
  public var isIssued: Bool { self == .issued || self == .issuedInLeeway }

  /// The decision naming a ledger refusal.
  init(_ refusal: TokenLedger.Refusal) {
    switch refusal {
    case .unknownToken: self = .unknownToken
    case .expired: self = .expired
    case .idleExpired: self = .idleExpired
    case .revoked: self = .revoked
    case .reuse: self = .reuse
    }
  }
}

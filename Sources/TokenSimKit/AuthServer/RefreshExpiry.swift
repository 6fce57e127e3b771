/// When a session's newest refresh token stops working unless used again: the earlier of its
/// absolute lifetime's end and, under an idle lifetime, the end of that since its last use. The
/// trace carries it on each login and issue, so a session that lapses while its host is idle is
/// dated from the moment it lapsed, not from the refused request that revealed it.
public struct RefreshExpiry: Equatable, Sendable {
  /// The instant, in true (server) time, from which the token is refused.
  public var at: SimInstant
  /// Whether the idle lifetime ends first (else the absolute lifetime).
  public var idle: Bool

  /// Creates an expiry.
  public init(at: SimInstant, idle: Bool) {
    self.at = at
    self.idle = idle
  }

  /// The trace's word for which lifetime ends first.
  public var lifetime: String { idle ? "idle" : "absolute" }
}

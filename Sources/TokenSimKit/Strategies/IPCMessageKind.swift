/// What an `IPCMessage` between a broker and its clients asks or answers. The raw values are the
/// message's `kind` in the protocol's JSON.
public enum IPCMessageKind: String, Equatable, Codable, Sendable, CaseIterable {
  /// A client asks for a token; its credentials, if any, carry an access token the API refused.
  case ask = "token?"
  /// The broker's answer with credentials (access token and expiry only).
  case token
  /// The broker's answer when it has no usable token.
  case noToken = "no-token"

  /// Whether a message of this kind is a question, which awaits an answer (`messageFailed`
  /// follows when none comes in time), rather than an answer, which awaits nothing.
  public var isQuestion: Bool { self == .ask }
}

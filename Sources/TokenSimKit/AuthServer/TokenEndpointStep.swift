/// What the server does about one token request at one instant, returned by
/// `AuthorizationServer.receive` and `finishService`. A driver carries it out in field order:
/// schedule `serviceDue`, record `commit`, then deliver `fate`.
public struct TokenEndpointStep: Equatable, Sendable {
  // Stored under names of their own, so that the compiler synthesizes the memberwise initializer
  // the public one delegates to: an initializer that assigns the fields itself builds the step in
  // a temporary and copies it out (an outlined copy and destroy of the reply, strings and all, on
  // every token request).
  var storedServiceDue: ServiceDue?
  var storedCommit: RefreshCommit?
  var storedFate: TokenRequestFate?

  /// Call `finishService` for this request at this instant: the request just received when it got
  /// a free slot, or the next queued one when a slot was handed on.
  public var serviceDue: ServiceDue? {
    get { storedServiceDue }
    set { storedServiceDue = newValue }
  }
  /// The refresh the server applied (the commit point), for the trace.
  public var commit: RefreshCommit? {
    get { storedCommit }
    set { storedCommit = newValue }
  }
  /// What becomes of the request received or finished; nil while it waits for, or is in, service.
  public var fate: TokenRequestFate? {
    get { storedFate }
    set { storedFate = newValue }
  }
}

extension TokenEndpointStep {
  /// A step with the given parts.
  public init(serviceDue: ServiceDue? = nil, commit: RefreshCommit? = nil, fate: TokenRequestFate? = nil) {
    self.init(storedServiceDue: serviceDue, storedCommit: commit, storedFate: fate)
  }
}

/// A request whose service ends at an instant (the server asks to be called back then).
public struct ServiceDue: Equatable, Sendable {
  /// The driver's id of the request.
  public var request: Int
  /// When its service ends.
  public var at: SimInstant
}

/// The refresh applied at the commit point.
public struct RefreshCommit: Equatable, Sendable {
  /// Issued, or refused and why.
  public var decision: ServerDecision
  /// The family of the presented token, when the server knows it.
  public var family: Int?
  /// The presented token's serial, when it was a rotated-away token (reuse detected).
  public var reusedToken: Int?
  /// Whether the reuse revoked the family (`onReuse: revoke-family`).
  public var revokedFamily = false
  /// When issued: when the family's newest refresh token will be refused unless used again.
  public var refreshExpiry: RefreshExpiry?

  /// Calls `record` with what the trace says of this commit of token request `request`, in order:
  /// `tokenRequestServed`, then on a detected reuse `reuseDetected` and, when it revoked the
  /// family, `familyRevoked` (the simulated world and `serve` write the same lines).
  public func traceKinds(request: Int, _ record: (TraceKind) -> Void) {
    record(.tokenRequestServed(request: request, decision: decision, family: family, refreshExpiry: refreshExpiry))
    guard let family, let token = reusedToken else { return }
    record(.reuseDetected(family: family, token: token))
    if revokedFamily { record(.familyRevoked(family: family, cause: .reuse)) }
  }
}

/// How the server ends its part in a token request.
public enum TokenRequestFate: Equatable, Sendable {
  /// The response reaches the client at `at` (latency included).
  case reply(HTTPReply, at: SimInstant)
  /// The connection is reset at `at`, before the server saw the request (nothing committed).
  case reset(at: SimInstant)
  /// No response ever: the client waits for its own timeout (nothing committed).
  case hang
  /// The refresh was committed and the response is lost: the client never hears.
  case lostAfterCommit
}

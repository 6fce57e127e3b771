/// The lanes of the world's event queue (`EventQueue`): kinds of event that are mostly scheduled
/// a fixed time after now, so that they come due in the order they are scheduled and wait first in,
/// first out instead of in the heap. An event that would come due before its lane's last goes to
/// the heap, so the lanes change the cost of a run, never its order.
enum QueueLane: Int, CaseIterable {
  /// Anything due at once: now never moves back.
  case now
  /// An API call's and a token request's timeout, and an IPC reply's (a template's fixed timeout).
  case timeout
  /// A daemon's next work cycle (its fixed period).
  case cycle
  /// A credential store's read or write finishing (the host's fixed read and write times).
  case store
  /// An API call's answer (the resource server's fixed latency, when it has no jitter).
  case apiReply
  /// The token endpoint finishing a request (its fixed service time).
  case tokenService
  /// A token endpoint's reply reaching its client (the fixed latency, when it has no jitter).
  case tokenReply
  /// A process starting again after a fixed delay (a restart, a work loop's restart).
  case restart

  /// The lane `event`, due at `time`, is offered to at `now`, if any.
  static func of(_ event: WorldEvent, at time: SimInstant, now: SimInstant) -> QueueLane? {
    if time == now { return .now }
    switch event {
    case .apiReplyArrives: return .apiReply
    case .tokenServiceDone: return .tokenService
    case .tokenReplyArrives: return .tokenReply
    case .process(_, _, .start): return .restart
    case .process(_, _, .apiTimeout), .process(_, _, .tokenTimeout), .process(_, _, .messageTimeout): return .timeout
    case .process(_, _, .cycleDue): return .cycle
    case .process(_, _, .storeReadDone), .process(_, _, .storeWriteDone): return .store
    default: return nil
    }
  }
}

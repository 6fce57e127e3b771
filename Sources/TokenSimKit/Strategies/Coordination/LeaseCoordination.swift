/// `Coordination.lease`: a refresh lease and a refresh throttle kept in the store (lease-shared).
/// A process takes the lock briefly, rereads, and either adopts a pair another process left, waits
/// while another holder's lease is live, or writes its own lease, releases the lock and sends.
/// Afterwards it writes under the lock again: the new pair (clearing lease and throttle), or on a
/// failure the lease cleared and the throttle every process honours (`nextRefreshAt`).
struct LeaseCoordination: RefreshCoordinator {
  /// Lease length, poll interval and lock wait.
  let settings: LeaseSettings

  /// Take the lock briefly, then reread under it.
  func begin() -> CoordinationMove { .lockThenCheck(wait: settings.lockWait) }

  /// Wait while another holder's lease is live (or the read was torn), polling at least every
  /// `poll`; with no refresh token to refresh with (a whole read found no pair to adopt), claim
  /// nothing and go straight to the engine's send, which tells a person and fails the calls (a
  /// lease written then guarded no refresh and held every other process back for its length);
  /// otherwise write this process's lease, release the lock, then send.
  func afterCheck(_ read: StoreReadResult, holding credentials: Credentials?, now: SimInstant, processID: Int)
    -> CoordinationMove
  {
    let contents: StoreContents
    switch read {
    case .torn: return .waitForTurn(until: now + settings.poll)
    case _ where credentials?.refreshToken == nil: return .send
    case .empty: contents = StoreContents(credentials: credentials)
    case .contents(let stored): contents = stored
    }
    if let lease = contents.lease, lease.holder != processID, lease.expiresAt > now {
      return .waitForTurn(until: min(lease.expiresAt, now + settings.poll))
    }
    var claimed = contents
    claimed.credentials = credentials
    claimed.lease = Lease(holder: processID, expiresAt: now + settings.duration)
    return .stepsThenSend([.write(claimed), .release])
  }

  /// Lock, write the new pair (which clears lease and throttle), release.
  func storing(_ pair: StoreContents) -> PairStorage { .steps([.lock(settings.lockWait), .write(pair), .release]) }

  /// Lock, clear the lease and share the throttle, release.
  func afterFailure(holding credentials: Credentials?, throttle: SimInstant?) -> [RefreshStep] {
    let contents = StoreContents(credentials: credentials, lease: nil, nextRefreshAt: throttle)
    return [.lock(settings.lockWait), .write(contents), .release]
  }

  /// The lock is busy: poll again rather than fail.
  func lockUnavailable(now: SimInstant) -> CoordinationMove { .waitForTurn(until: now + settings.poll) }

  /// The store's `nextRefreshAt` binds every process (unless a test switched it off).
  var sharesThrottle: Bool { settings.sharesThrottle }

  /// Its waits end on the `lease` timer.
  var turnTimer: TimerName? { .lease }
}

extension TimerName {
  /// Another process's lease may have lapsed, or the lock may be free: begin the refresh again.
  static let lease = TimerName("lease")
}

/// The lease-shared coordination's settings.
public struct LeaseSettings: Equatable, Sendable {
  /// How long a claimed lease lasts; a crashed holder's lease lapses after this.
  public var duration: SimDuration
  /// How often a process waiting for another holder rereads the store.
  public var poll: SimDuration
  /// How long to wait for the store lock that guards claiming the lease.
  public var lockWait: SimDuration
  /// Whether processes honour the throttle in the store: always, except in the test that shows the
  /// suite depends on it (`MechanismCoverageTests`).
  var sharesThrottle = true

  /// Creates the settings.
  public init(duration: SimDuration, poll: SimDuration, lockWait: SimDuration) {
    self.duration = duration
    self.poll = poll
    self.lockWait = lockWait
  }
}

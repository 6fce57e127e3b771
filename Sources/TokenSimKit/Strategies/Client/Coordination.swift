/// How the processes sharing a credential store coordinate a refresh.
public enum Coordination: Equatable, Sendable {
  /// Not at all: each process refreshes from its own memory and writes the store afterwards.
  case none
  /// Reread the store before refreshing and adopt a pair another process left; no lock.
  case reread
  /// Reread unlocked; refresh outside any lock; take the lock (waiting at most `wait`) only to
  /// write. A write that cannot get the lock is skipped.
  case lockOnWrite(wait: SimDuration)
  /// Hold the lock across read, check, refresh and write, waiting at most `wait` (nil: forever).
  case lockWholeRefresh(wait: SimDuration?)
  /// A lease and a refresh throttle in the store; see `LeaseSettings`.
  case lease(LeaseSettings)
}

/// The lease-shared coordination's settings.
public struct LeaseSettings: Equatable, Sendable {
  /// How long a claimed lease lasts; a crashed holder's lease lapses after this.
  public var duration: SimDuration
  /// How often a process waiting for another holder rereads the store.
  public var poll: SimDuration
  /// How long to wait for the store lock that guards claiming the lease.
  public var lockWait: SimDuration

  /// Creates the settings.
  public init(duration: SimDuration, poll: SimDuration, lockWait: SimDuration) {
    self.duration = duration
    self.poll = poll
    self.lockWait = lockWait
  }
}

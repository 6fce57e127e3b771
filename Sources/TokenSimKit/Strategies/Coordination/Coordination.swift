/// How the processes sharing a credential store coordinate a refresh: the configuration value
/// of `RefreshClient`. Each case is carried out by a `RefreshCoordinator` in a file of its own.
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

  /// The coordinator that carries this coordination out: a value of at most three words, so the
  /// existential holds it inline (no allocation).
  var coordinator: any RefreshCoordinator {
    switch self {
    case .none: NoCoordination()
    case .reread: RereadCoordination()
    case .lockOnWrite(let wait): LockOnWriteCoordination(wait: wait)
    case .lockWholeRefresh(let wait): LockWholeRefreshCoordination(wait: wait)
    case .lease(let settings): LeaseCoordination(settings: settings)
    }
  }
}

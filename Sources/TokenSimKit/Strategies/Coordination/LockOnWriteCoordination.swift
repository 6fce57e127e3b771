/// `Coordination.lockOnWrite`: reread unlocked, refresh outside any lock, and take the lock only
/// to write (lock-on-write, msal-extensions). A write that cannot get the lock within `wait` is
/// skipped: the new pair stays in this process's memory only.
struct LockOnWriteCoordination: RefreshCoordinator {
  /// How long a write waits for the lock before it is skipped.
  let wait: SimDuration

  /// Reread first, unlocked; with no newer pair there, send (`afterCheck`'s default).
  func begin() -> CoordinationMove { .check }

  /// Lock, write, release; when the lock is unavailable the engine drops the write and the
  /// release with it.
  func storing(_ pair: StoreContents) -> PairStorage { .steps([.lock(wait), .write(pair), .release]) }

  /// Nothing to undo: the lock is taken only to write.
  func afterFailure(holding credentials: Credentials?, throttle: SimInstant?) -> [RefreshStep] { [] }

  /// A torn read is read again: msal-extensions' `PersistedTokenCache._find` rereads a cache
  /// file that fails to load ("presumably other processes are writing the file, causing dirty
  /// read") 0.5 s later, three attempts in all, then re-raises (`TornRereadRetry`).
  var retriesTornReads: Bool { true }
}

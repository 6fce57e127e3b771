/// How the lock beside a host's store changed for one process: the `what` of a `lock` trace
/// event. The raw values are the trace's words.
public enum LockChange: String, Equatable, Sendable, CaseIterable {
  /// The process took the lock, at once or handed over from the line of waiters.
  case acquired
  /// The process let the lock go, or exited while holding it.
  case released
  /// The process's wait for the lock ran out.
  case unavailable
  /// A lock file left by a dead holder was broken once `staleAfter` had passed; `process` is the
  /// dead holder.
  case brokenStale = "broken-stale"
  /// The holder crashed: a flock lock passes on at once, a lock file stays until broken as stale.
  case holderDied = "holder-died"
}

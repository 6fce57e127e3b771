/// `Coordination.reread`: reread the store before refreshing and adopt a pair another process
/// left instead of refreshing; no lock, so two processes that reread in the same instant both
/// refresh (reread-from-disk). The adoption itself is the engine's (`RefreshClient.adoptNewer`).
struct RereadCoordination: RefreshCoordinator {
  /// Reread first; with no newer pair there, send (`afterCheck`'s default).
  func begin() -> CoordinationMove { .check }

  /// Write the new pair at once, unlocked.
  func storing(_ pair: StoreContents) -> PairStorage { .writeAtOnce }

  /// Nothing to undo: no lock, nothing shared.
  func afterFailure(holding credentials: Credentials?, throttle: SimInstant?) -> [RefreshStep] { [] }
}

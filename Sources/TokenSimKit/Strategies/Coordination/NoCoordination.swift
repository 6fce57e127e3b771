/// `Coordination.none`: each process refreshes from its own memory, never rereads the store, and
/// writes the new pair afterwards without a lock (naive, single-flight, advisory-mandatory, the
/// broker). Two processes holding one pair both refresh with it.
struct NoCoordination: RefreshCoordinator {
  /// Send at once with the pair in memory.
  func begin() -> CoordinationMove { .send }

  /// Write the new pair at once for the processes that start later.
  func storing(_ pair: StoreContents) -> PairStorage { .writeAtOnce }

  /// Nothing to undo: no lock, nothing shared.
  func afterFailure(holding credentials: Credentials?, throttle: SimInstant?) -> [RefreshStep] { [] }
}

/// `Coordination.lockWholeRefresh`: hold the store lock across reread, check, request and write
/// (lock-whole-refresh, kubelogin's `flock`), so processes sharing the store never refresh twice
/// with one pair; a hung request holds the lock, and every other process waits behind it.
struct LockWholeRefreshCoordination: RefreshCoordinator {
  /// How long to wait for the lock; nil waits forever, like `flock(LOCK_EX)`.
  let wait: SimDuration?

  /// Take the lock (a hundred years stands for forever), then reread under it.
  func begin() -> CoordinationMove { .lockThenCheck(wait: wait ?? .days(36_500)) }

  /// With the lock held and no newer pair in the store: send, still holding it.
  func afterCheck(_ read: StoreReadResult, holding credentials: Credentials?, now: SimInstant, processID: Int)
    -> CoordinationMove
  { .send }

  /// Write while still holding the lock, then release it.
  func storing(_ pair: StoreContents) -> PairStorage { .steps([.write(pair), .release]) }

  /// Release the lock held across the failed request.
  func afterFailure(holding credentials: Credentials?, throttle: SimInstant?) -> [RefreshStep] { [.release] }

  /// A lock that could not be had in `wait` fails the calls.
  func lockUnavailable(now: SimInstant) -> CoordinationMove { .fail(reason: "store lock unavailable") }
}

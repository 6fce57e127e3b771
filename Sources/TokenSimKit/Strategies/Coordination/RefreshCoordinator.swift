/// One way of coordinating a refresh with the other processes of a store: the few decisions in
/// which the coordinations differ, asked by the engine (`RefreshClient`) at fixed points of a
/// refresh. A coordinator holds its settings only; the engine keeps all state (phase, lock,
/// credentials) and carries out what the coordinator answers. The engine reaches the coordinator
/// through its `Coordination` value, which forwards each hook to its case's coordinator.
///
/// A refresh runs: `begin` → (lock →) (reread → adopt a newer pair, or `afterCheck`) → send →
/// on success `storing`, on failure `afterFailure` → idle. `lockUnavailable` answers a lock
/// asked for by `begin` that could not be had.
protocol RefreshCoordinator {
  /// The first move of a refresh: send at once, reread the store, or take the lock and reread.
  func begin() -> CoordinationMove

  /// The move after the reread when the store held no pair to adopt and a request may be sent
  /// now: send, wait for another process's refresh, or claim the refresh first. `read` is what
  /// the reread found, `credentials` the pair held (after any adoption).
  func afterCheck(_ read: StoreReadResult, holding credentials: Credentials?, now: SimInstant, processID: Int)
    -> CoordinationMove

  /// How the pair a successful refresh brought reaches the store.
  func storing(_ pair: StoreContents) -> PairStorage

  /// What must be undone or shared after a failed request: the steps run before the engine goes
  /// on. `throttle` is the deadline before which no request may be sent (nil after a refusal).
  func afterFailure(holding credentials: Credentials?, throttle: SimInstant?) -> [RefreshStep]

  /// The move when the lock `begin` asked for could not be had in time.
  func lockUnavailable(now: SimInstant) -> CoordinationMove

  /// Whether the store's `nextRefreshAt` is a throttle every process sharing it honours; the
  /// engine then takes it from every read.
  var sharesThrottle: Bool { get }

  /// The timer that ends a wait for another process's refresh (`waitForTurn`); nil for a
  /// coordinator that never waits.
  var turnTimer: TimerName? { get }

  /// Whether a torn read of the store is read again (`TornRereadRetry`), both the check before a
  /// refresh (else taken as nothing newer on disk) and the reread after a refusal (else a
  /// needs-login): true only where the client the coordination models retries a read of the
  /// store that fails to parse. The others' clients take such a file as no credentials
  /// (botocore's `JSONFileCache` turns the `ValueError` into a cache miss; Codex returns the
  /// parse error; kubelogin goes on without its cache), so they need login at a torn reread after
  /// a refusal and take a torn check before a refresh as nothing newer on disk.
  var retriesTornReads: Bool { get }
}

extension RefreshCoordinator {
  /// Send: nothing but the reread stands between the check and the request.
  func afterCheck(_ read: StoreReadResult, holding credentials: Credentials?, now: SimInstant, processID: Int)
    -> CoordinationMove
  { .send }

  /// Fail the calls waiting.
  func lockUnavailable(now: SimInstant) -> CoordinationMove { .fail(reason: "store lock unavailable") }

  /// The throttle is the process's own.
  var sharesThrottle: Bool { false }

  /// It never waits for another process.
  var turnTimer: TimerName? { nil }

  /// A torn check is nothing newer on disk and a torn reread after a refusal is no credentials
  /// (needs-login): the modelled client takes a file it cannot parse as no cache, or as an error,
  /// and does not read it again.
  var retriesTornReads: Bool { false }
}

/// What a coordinator tells the engine to do next in a refresh.
enum CoordinationMove: Equatable {
  /// Send the token request.
  case send
  /// Reread the store, then adopt a newer pair or ask `afterCheck`.
  case check
  /// Take the store lock, waiting at most `wait`, then reread (as `check`).
  case lockThenCheck(wait: SimDuration)
  /// Another process is refreshing: release the lock and begin again when the `turnTimer` fires
  /// at `until`.
  case waitForTurn(until: SimInstant)
  /// Run these steps (claim the refresh in the store), then send.
  case stepsThenSend([RefreshStep])
  /// Give up this refresh and fail the calls waiting with `reason`.
  case fail(reason: String)
}

/// How the pair a successful refresh brought reaches the store.
enum PairStorage: Equatable {
  /// Write the store at once, before the calls are answered, and go on without waiting for the
  /// write: no lock is involved.
  case writeAtOnce
  /// Answer the calls, then run these steps (lock, write, release); no refresh starts before they
  /// are done.
  case steps([RefreshStep])
}

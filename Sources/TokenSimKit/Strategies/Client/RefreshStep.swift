/// One store or lock operation a client finishes a refresh with, run in order.
enum RefreshStep: Equatable {
  /// Take the lock, waiting at most this; if it cannot be had the remaining steps are dropped.
  case lock(SimDuration)
  /// Write the store and wait for the write to finish.
  case write(StoreContents)
  /// Release the lock.
  case release
}

/// What a client is doing about its credentials, between events. A refresh goes
/// `idle` → (`locking` →) (`checking` →) (`waitingForTurn` → begin again, or `finishing(then:
/// .send)` →) `sending` → `finishing` → `idle`; which of the bracketed phases it passes through is
/// its coordinator's choice.
enum RefreshPhase: Equatable {
  /// Nothing under way: calls are answered from the pair held, or start a refresh.
  case idle
  /// Reading the store at start.
  case loading
  /// Waiting for the lock before the check.
  case locking(RefreshNeed)
  /// Reading the store before refreshing, to adopt a pair another process left; `tornReads`
  /// earlier reads of this check came back torn (`TornRereadRetry`, for a coordination that
  /// `retriesTornReads`).
  case checking(RefreshNeed, tornReads: Int8)
  /// The last read of the check before a refresh was torn: read again when the `reread` timer
  /// fires.
  case pausingBeforeCheck(RefreshNeed, tornReads: Int8)
  /// Another process is refreshing; begin again when the coordinator's `turnTimer` fires.
  case waitingForTurn(RefreshNeed)
  /// A token request is out.
  case sending(request: Int, need: RefreshNeed)
  /// Running `steps`, then `then`.
  case finishing(then: Continuation)
  /// Rereading the store after the refresh token was refused; `tornReads` earlier rereads of
  /// this refusal came back torn (`TornRereadRetry`).
  case rereadingAfterRejection(RefreshToken?, tornReads: Int8)
  /// The last reread after the refusal was torn: read again when the `reread` timer fires.
  case pausingBeforeReread(RefreshToken?, tornReads: Int8)
  /// The refresh token was refused for good and a person was told (needs-login): every call
  /// fails, and nothing is refreshed, until the process or its work loop starts again.
  case needsLogin
}

/// What follows the finishing steps.
enum Continuation: Equatable {
  /// Nothing: serve the calls waiting.
  case idle
  /// Send the token request (after claiming a lease).
  case send(RefreshNeed)
  /// Reread the store after the refresh token was refused.
  case reread(rejected: RefreshToken?)
  /// Stay signed out (`RefreshPhase.needsLogin`).
  case needsLogin
}

/// Why a refresh is attempted.
enum RefreshNeed: Equatable {
  /// The token is still valid; a failure is swallowed.
  case optional
  /// Calls cannot proceed without it.
  case required
}

/// How fresh the access token is.
enum Freshness: Equatable {
  /// Outside every window.
  case fresh
  /// Inside the advisory window only.
  case advisory
  /// Inside the refresh window, expired, or absent.
  case expiring

  /// The refresh this calls for, if any.
  var need: RefreshNeed? {
    switch self {
    case .fresh: return nil
    case .advisory: return .optional
    case .expiring: return .required
    }
  }
}

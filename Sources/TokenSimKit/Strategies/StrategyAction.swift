/// What a strategy asks the world to do. The world performs it and reports back with a
/// `StrategyEvent` where the action has a result.
public enum StrategyAction: Equatable, Codable, Sendable {
  /// Read the host's credential store; answered by `.storeRead`.
  case readStore
  /// Write the store; answered by `.storeWritten`.
  case writeStore(contents: StoreContents)
  /// Take the store's lock, waiting at most `wait`; answered by `.lockGranted` or `.lockUnavailable`.
  case acquireLock(wait: SimDuration)
  /// Release the lock.
  case releaseLock
  /// Send a refresh_token grant with `refreshToken`; answered by `.refreshCompleted(request:)`.
  /// With no `timeout` the client waits as long as the server takes, forever if it hangs.
  case sendRefresh(request: Int, refreshToken: RefreshToken, timeout: SimDuration?)
  /// Answer the workload's `ask` with a token to call the API with.
  case grant(ask: Int, token: AccessToken)
  /// Send the call the API refused with 401 for `ask` once more: given while handling that
  /// `.apiRejected`, it keeps the call open, and the workload waits for a `.grant` or `.deny` for
  /// `ask` as for a new ask. A call is retried at most once; the world ignores the action for a
  /// call that was itself a retry, or outside its `.apiRejected`, and the call fails.
  case retryCall(ask: Int)
  /// Tell the workload there is no token for `ask`; the call fails without reaching the API.
  case deny(ask: Int, reason: String)
  /// Arm (or re-arm) the timer `name` for `at` on the host clock. The timer `.refresh` is the
  /// process's refresh scheduler, which a scenario can make fail to arm.
  case setTimer(name: TimerName, at: SimInstant)
  /// Disarm the timer `name`.
  case cancelTimer(name: TimerName)
  /// Abandon the current work and restart the work loop (a CLI exits with an error instead).
  case restartWorkLoop
  /// Tell a person the session needs attention (needs-login).
  case raiseAlert(message: String)
  /// Send a message to the broker of this host, or to process `to` when given. A question
  /// (`token?`) that is not delivered and answered (by its receiver, with the `correlation` it
  /// heard) within `timeout` is followed by `.messageFailed`; its answer is given to this
  /// incarnation with the question's `correlation` only while the question awaits it, so a
  /// question ends once. The receiver hears the world's number for the question, unique in the
  /// run. An answer awaits nothing, and its `timeout` is unused.
  case send(message: IPCMessage, to: Int?, timeout: SimDuration)
}

/// What a strategy may read about where it runs.
public struct StrategyContext {
  /// The host clock now. It may be offset from true time, drift, and jump after a suspend.
  public var now: SimInstant
  /// This process's id, unique in the run.
  public var processID: Int
  /// The role of the process.
  public var role: ProcessRole
  /// A random stream owned by this process, for jitter.
  public var random: RandomStream

  /// Creates a context.
  public init(now: SimInstant, processID: Int, role: ProcessRole, random: RandomStream) {
    self.now = now
    self.processID = processID
    self.role = role
    self.random = random
  }
}

/// What kind of program a process is.
public enum ProcessRole: String, Equatable, Codable, Sendable, CaseIterable {
  /// A long-running program with a work loop.
  case daemon
  /// A short invocation that makes a few calls and exits.
  case cli
  /// A process that owns the session for the other processes of its host.
  case broker
}

/// A client's refresh logic as a state machine: events in, actions out, no I/O and no clock of
/// its own. The world owns time and performs every action.
public protocol RefreshStrategy {
  /// Handles one event, appending what to do to `actions`, in order. The world passes a buffer it
  /// reuses from event to event, so that answering allocates nothing; it may already hold
  /// actions (a strategy that wraps another passes its own): append, never remove. The world
  /// calls it in the middle of changing the process's record, so it must not call back into the
  /// `World` (a strategy is sans-IO: everything it knows comes in `event` and `context`).
  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction])
}

extension RefreshStrategy {
  /// Handles one event and returns what to do in a new array: for driving a strategy by hand
  /// (tests, tools). The world calls `handle(_:context:actions:)`.
  public mutating func handle(_ event: StrategyEvent, context: inout StrategyContext) -> [StrategyAction] {
    var actions: [StrategyAction] = []
    handle(event, context: &context, actions: &actions)
    return actions
  }
}

/// A program, or a population of identical ones, on a host.
public struct ProcessConfig: Equatable, Sendable {
  /// A name unique on its host.
  public var name: String
  /// Daemon, CLI or broker.
  public var role: ProcessRole
  /// How many identical daemons (CLI populations use `arrivals`).
  public var count = 1
  /// When the first instance starts.
  public var startAt: SimInstant = .start
  /// When daemons stop and CLI arrivals end; nil for the end of the run.
  public var stopAt: SimInstant?
  /// A daemon's work loop.
  public var cycle: WorkCycle?
  /// Work items arriving at a daemon, each needing one API call.
  public var workItems: WorkItemFlow?
  /// How CLI invocations arrive.
  public var arrivals: Arrivals?
  /// API calls one CLI invocation makes before it exits.
  public var apiCalls = 1
  /// Delay before a daemon's restarted work loop begins.
  public var restartDelay: SimDuration = .seconds(1)
  /// Whether the program refreshes its session unconditionally when it starts.
  public var refreshAtStart = false
  /// Where the process gets credentials: the shared store, or an environment snapshot of the
  /// store's access token taken when it is spawned (it never sees later rotations).
  public var credentialSource: CredentialSource = .store
  /// A crash the scenario injects.
  public var crash: CrashPlan?
  /// Supervisor restart delay after a crash; nil: a crashed process stays down.
  public var restartAfter: SimDuration?
  /// Failures of the process's own refresh scheduler (the timer named `refresh`) to arm.
  public var schedulerFailure: SchedulerFailure?
  /// The workload's timeout for one API call.
  public var apiTimeout: SimDuration = .seconds(30)

  static let keys = [
    "name", "role", "count", "startAt", "stopAt", "cycle", "workItems", "arrivals", "apiCalls", "restartDelay",
    "refreshAtStart", "credentials", "crash", "restartAfter", "schedulerFailure", "apiTimeout",
  ]
}

/// Where a process's credentials come from.
public enum CredentialSource: String, Equatable, Sendable, CaseIterable {
  /// The host's credential store.
  case store
  /// A copy of the store's access token placed in the environment at spawn: no refresh token,
  /// no later updates (seed 002's child process).
  case environment
}

/// A daemon's periodic work: every `every`, `apiCalls` calls in sequence.
public struct WorkCycle: Equatable, Sendable {
  /// The period.
  public var every: SimDuration
  /// Calls per cycle; the cycle fails at its first failed call.
  public var apiCalls: Int
}

/// Messages arriving at a daemon, each needing one API call.
public struct WorkItemFlow: Equatable, Sendable {
  /// Fixed spacing, or nil for Poisson arrivals at `perHour`.
  public var every: SimDuration?
  /// Poisson rate when `every` is nil.
  public var perHour: Double
  /// Attempts per item before it is dropped.
  public var maxAttempts: Int
  /// Delay before the second attempt; it doubles for each further one.
  public var retryDelay: SimDuration
  /// The most items the daemon holds at once (waiting, in progress or awaiting a retry); an item
  /// arriving at a full queue is dropped at once and counted as dropped, as a real daemon's
  /// bounded queue does, so a daemon that falls behind never grows without limit.
  public var queue = WorkItemFlow.defaultQueue

  /// The queue's size when the scenario does not say.
  public static let defaultQueue = 1_000
}

/// How CLI invocations arrive.
public enum Arrivals: Equatable, Sendable {
  /// One every period.
  case every(SimDuration)
  /// A Poisson process with this rate.
  case poisson(perHour: Double)
  /// `burst` at once at every multiple of the period (cron at the top of the minute).
  case cron(every: SimDuration, burst: Int)
}

/// A crash the scenario injects into a process.
public struct CrashPlan: Equatable, Sendable {
  /// The first crash happens at the first moment after this instant when `during` holds.
  public var at: SimInstant?
  /// Or crashes happen at this Poisson rate.
  public var perHour: Double?
  /// The moment the crash waits for.
  public var during: CrashMoment
}

/// What a process must be doing when an injected crash strikes.
public enum CrashMoment: String, Equatable, Sendable, CaseIterable {
  /// Whatever it is doing.
  case any
  /// While it holds the store's lock.
  case holdingLock = "holding-lock"
  /// While a token request of its own is in flight.
  case midRefresh = "mid-refresh"
}

/// The process's refresh scheduler failing to arm (seed 000's `systemd-run`).
public struct SchedulerFailure: Equatable, Sendable {
  /// Chance that arming the `refresh` timer silently fails.
  public var probability: Double
  /// At most this many failures.
  public var count: Int
}

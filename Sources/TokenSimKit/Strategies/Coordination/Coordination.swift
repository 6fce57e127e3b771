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
}

/// Enum dispatch: each hook goes to the coordinator of the case, a value built on the spot and
/// called directly. An `any RefreshCoordinator` would cost a witness-table call and an existential
/// per hook (measured: about +0.2 % instructions in the herd workload); this costs nothing
/// measurable.
extension Coordination: RefreshCoordinator {
  func begin() -> CoordinationMove {
    switch self {
    case .none: NoCoordination().begin()
    case .reread: RereadCoordination().begin()
    case .lockOnWrite(let wait): LockOnWriteCoordination(wait: wait).begin()
    case .lockWholeRefresh(let wait): LockWholeRefreshCoordination(wait: wait).begin()
    case .lease(let settings): LeaseCoordination(settings: settings).begin()
    }
  }

  func afterCheck(_ read: StoreReadResult, holding credentials: Credentials?, now: SimInstant, processID: Int)
    -> CoordinationMove
  {
    switch self {
    case .none: NoCoordination().afterCheck(read, holding: credentials, now: now, processID: processID)
    case .reread: RereadCoordination().afterCheck(read, holding: credentials, now: now, processID: processID)
    case .lockOnWrite(let wait):
      LockOnWriteCoordination(wait: wait).afterCheck(read, holding: credentials, now: now, processID: processID)
    case .lockWholeRefresh(let wait):
      LockWholeRefreshCoordination(wait: wait).afterCheck(read, holding: credentials, now: now, processID: processID)
    case .lease(let settings):
      LeaseCoordination(settings: settings).afterCheck(read, holding: credentials, now: now, processID: processID)
    }
  }

  func storing(_ pair: StoreContents) -> PairStorage {
    switch self {
    case .none: NoCoordination().storing(pair)
    case .reread: RereadCoordination().storing(pair)
    case .lockOnWrite(let wait): LockOnWriteCoordination(wait: wait).storing(pair)
    case .lockWholeRefresh(let wait): LockWholeRefreshCoordination(wait: wait).storing(pair)
    case .lease(let settings): LeaseCoordination(settings: settings).storing(pair)
    }
  }

  func afterFailure(holding credentials: Credentials?, throttle: SimInstant?) -> [RefreshStep] {
    switch self {
    case .none: NoCoordination().afterFailure(holding: credentials, throttle: throttle)
    case .reread: RereadCoordination().afterFailure(holding: credentials, throttle: throttle)
    case .lockOnWrite(let wait): LockOnWriteCoordination(wait: wait).afterFailure(holding: credentials, throttle: throttle)
    case .lockWholeRefresh(let wait):
      LockWholeRefreshCoordination(wait: wait).afterFailure(holding: credentials, throttle: throttle)
    case .lease(let settings): LeaseCoordination(settings: settings).afterFailure(holding: credentials, throttle: throttle)
    }
  }

  func lockUnavailable(now: SimInstant) -> CoordinationMove {
    switch self {
    case .none: NoCoordination().lockUnavailable(now: now)
    case .reread: RereadCoordination().lockUnavailable(now: now)
    case .lockOnWrite(let wait): LockOnWriteCoordination(wait: wait).lockUnavailable(now: now)
    case .lockWholeRefresh(let wait): LockWholeRefreshCoordination(wait: wait).lockUnavailable(now: now)
    case .lease(let settings): LeaseCoordination(settings: settings).lockUnavailable(now: now)
    }
  }

  var sharesThrottle: Bool {
    switch self {
    case .none: NoCoordination().sharesThrottle
    case .reread: RereadCoordination().sharesThrottle
    case .lockOnWrite(let wait): LockOnWriteCoordination(wait: wait).sharesThrottle
    case .lockWholeRefresh(let wait): LockWholeRefreshCoordination(wait: wait).sharesThrottle
    case .lease(let settings): LeaseCoordination(settings: settings).sharesThrottle
    }
  }

  var turnTimer: TimerName? {
    switch self {
    case .none: NoCoordination().turnTimer
    case .reread: RereadCoordination().turnTimer
    case .lockOnWrite(let wait): LockOnWriteCoordination(wait: wait).turnTimer
    case .lockWholeRefresh(let wait): LockWholeRefreshCoordination(wait: wait).turnTimer
    case .lease(let settings): LeaseCoordination(settings: settings).turnTimer
    }
  }

  var retriesTornReads: Bool {
    switch self {
    case .none: NoCoordination().retriesTornReads
    case .reread: RereadCoordination().retriesTornReads
    case .lockOnWrite(let wait): LockOnWriteCoordination(wait: wait).retriesTornReads
    case .lockWholeRefresh(let wait): LockWholeRefreshCoordination(wait: wait).retriesTornReads
    case .lease(let settings): LeaseCoordination(settings: settings).retriesTornReads
    }
  }
}

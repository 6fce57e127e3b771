/// A host during a run: its clock, store, lock and suspension windows.
struct HostState {
  let config: HostConfig
  let clock: HostClock
  var store: CredentialStore
  var lock: StoreLock
  /// The id of the host's broker process, once spawned.
  var broker: Int?

  init(config: HostConfig) {
    self.config = config
    self.clock = HostClock(offset: config.clockOffset, driftPPM: config.driftPPM)
    self.store = CredentialStore(config: config.store)
    self.lock = StoreLock(config: config.lock)
  }

  /// When the suspension covering `now` ends, if the host is suspended.
  func resumeTime(after now: SimInstant) -> SimInstant? {
    config.suspensions.first(where: { $0.contains(now) })?.upperBound
  }
}

/// Looks at a run every `interval` events and may stop it, the way the event budget does: the
/// command layer's hook for what the model must not read itself (the process's resident memory,
/// the wall clock, Ctrl-C). The run then ends with the returned `StopReason` and its reports
/// cover what ran.
public struct RunMonitor {
  /// Events between two looks.
  public var interval: Int
  /// Told where the run is; returns why it must stop, or nil to go on.
  public var look: (RunPosition) -> StopReason?

  /// A monitor looking every `interval` events (at least 1).
  public init(interval: Int, look: @escaping (RunPosition) -> StopReason?) {
    self.interval = max(1, interval)
    self.look = look
  }
}

/// Where a run is, as a monitor sees it.
public struct RunPosition: Sendable {
  /// Events processed so far.
  public var events: Int
  /// True simulated time reached.
  public var simulated: SimInstant
  /// The scenario's duration.
  public var duration: SimDuration
  /// The scenario's event budget.
  public var eventBudget: Int

  /// How far the run is, from 0 to 1: the larger of simulated time and events over their limits.
  public var fraction: Double {
    let time = Double(simulated.microseconds) / Double(max(duration.microseconds, 1))
    return min(1, max(time, Double(events) / Double(max(eventBudget, 1))))
  }
}

/// What a run does with its trace besides measuring it. The analyzer always sees every event as it
/// happens; keeping the events too costs memory in proportion to simulated time.
public enum TraceRetention {
  /// Keep every event in `RunResult.trace` (tests, small runs).
  case keep
  /// Measure and let each event go: memory follows live processes and pending events only.
  case discard
  /// Hand each event to a consumer (such as a file writer) and let it go.
  case stream((TraceEvent) -> Void)
}

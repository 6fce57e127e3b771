/// The event loop alone, to show the floor under every simulation: `timers` timers, spread evenly
/// over one `period`, each rescheduling itself `period` later when it fires, on the same
/// `EventQueue` and the same loop shape as the world (pop the earliest, advance the clock, act).
public struct EngineBenchmark: Sendable {
  /// How many timers are pending at any time.
  public var timers: Int
  /// How often each fires.
  public var period: SimDuration
  /// How many events to process.
  public var events: Int

  /// Describes the workload.
  public init(timers: Int, period: SimDuration, events: Int) {
    self.timers = timers
    self.period = period
    self.events = events
  }

  /// Runs it and returns the simulated time reached. Deterministic: the same figures each time.
  public func run() -> SimInstant { run(sampleEvery: Int.max) { _ in } }

  /// Runs it as `run()` does, calling `sample` with the count of events processed after every
  /// `sampleEvery`-th one (a power of two), for a benchmark that times its progress.
  public func run(sampleEvery: Int, _ sample: (Int) -> Void) -> SimInstant {
    let mask = sampleEvery == Int.max ? Int.max : sampleEvery - 1
    var queue = EventQueue<Int>()
    let spacing = period.microseconds / Int64(max(1, timers))
    for timer in 0..<timers { queue.schedule(timer, at: SimInstant(microseconds: Int64(timer) * spacing)) }
    var now = SimInstant.start
    var processed = 0
    while processed < events, let (time, timer) = queue.popNext() {
      now = time
      processed += 1
      queue.schedule(timer, at: time + period)
      if processed & mask == 0 { sample(processed) }
    }
    return now
  }
}

/// How fast a run went at its start and at its end: events per wall second over its first and
/// its last tenth of events, from (events, wall nanoseconds) samples taken as it ran. A run whose
/// pace falls by more than half is a slowdown `tokensim fuzz` reports (something grows with the
/// run that should not).
public struct RunPace: Equatable, Codable, Sendable {
  /// Events per second over the first tenth of the events.
  public var firstTenth: Double
  /// Events per second over the last tenth.
  public var lastTenth: Double

  /// Whether the last tenth went at less than half the pace of the first.
  public var slowedDown: Bool { lastTenth < firstTenth / 2 }

  /// The pace of a run sampled at `samples` (events, wall nanoseconds), in order, the first at
  /// the run's start; nil when the run is too short or too quick to judge: fewer than
  /// `minimumEvents` events, or less than `minimumNanoseconds` for either tenth.
  public init?(
    samples: [(events: Int, nanoseconds: UInt64)], minimumEvents: Int = 20_000, minimumNanoseconds: UInt64 = 10_000_000
  ) {
    guard let first = samples.first, let last = samples.last, last.events - first.events >= minimumEvents else { return nil }
    let tenth = (last.events - first.events) / 10
    guard let startEnd = samples.first(where: { $0.events >= first.events + tenth }),
      let endStart = samples.last(where: { $0.events <= last.events - tenth })
    else { return nil }
    let startNanoseconds = startEnd.nanoseconds - first.nanoseconds
    let endNanoseconds = last.nanoseconds - endStart.nanoseconds
    guard startNanoseconds >= minimumNanoseconds, endNanoseconds >= minimumNanoseconds else { return nil }
    firstTenth = Double(startEnd.events - first.events) * 1e9 / Double(startNanoseconds)
    lastTenth = Double(last.events - endStart.events) * 1e9 / Double(endNanoseconds)
  }
}

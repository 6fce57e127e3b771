import Foundation

/// Where a matrix run's time goes (`suite --timings`): each stage's time summed over every run,
/// on whichever thread ran it. The library reads no clock: the caller hands one in, so a run
/// with timings writes the same reports as one without.
public final class StageTimes: @unchecked Sendable {
  /// One stage of a run, or of the matrix.
  public enum Stage: String, CaseIterable, Sendable {
    /// Simulating, with the trace measured as it happens and the checks judged.
    case simulation
    /// Rendering each report.
    case reportJSON = "render report.json"
    case reportMarkdown = "render report.md"
    case junit = "render junit.xml"
    case timeline = "render timeline.svg"
    case page = "render index.html"
    /// Creating the staging directory, writing the five files and moving it into place.
    case writing = "write run files"
    /// compare.json, compare.md and the matrix page, rendered and written.
    case matrix = "matrix files"
  }

  private let clock: @Sendable () -> UInt64
  private let lock = NSLock()
  private var nanoseconds: [Stage: UInt64] = [:]

  /// Times stages with `clock`, a monotonic count of nanoseconds.
  public init(clock: @escaping @Sendable () -> UInt64) { self.clock = clock }

  /// Runs `body`, adding the time it took to `stage`.
  public func time<T, E: Error>(_ stage: Stage, _ body: () throws(E) -> T) throws(E) -> T {
    let start = clock()
    defer {
      let spent = clock() - start
      lock.withLock { nanoseconds[stage, default: 0] += spent }
    }
    return try body()
  }

  /// Seconds spent in each stage, in stage order.
  public var seconds: [(stage: Stage, seconds: Double)] {
    lock.withLock { Stage.allCases.map { ($0, Double(nanoseconds[$0] ?? 0) / 1e9) } }
  }
}

extension Optional where Wrapped == StageTimes {
  /// `body`, timed as `stage` when there are timings.
  func time<T, E: Error>(_ stage: StageTimes.Stage, _ body: () throws(E) -> T) throws(E) -> T {
    guard let times = self else { return try body() }
    return try times.time(stage, body)
  }
}

import Foundation
import TokenSimKit

/// Wall time sampled every `every` events of a measured run, so that the rate over its first and
/// its last tenth can be told apart (a cost per event that grows with what is waiting shows as a
/// last tenth slower than the first). A clock read per thousand events costs nothing measurable.
struct BenchProgress {
  /// Events between two samples.
  static let every = 1_024
  private let started: UInt64
  /// (events, nanoseconds since the start) at each sample, the start included.
  private(set) var samples: [(events: Int, nanoseconds: UInt64)] = [(0, 0)]

  init() { started = DispatchTime.now().uptimeNanoseconds }

  /// Call after each event with the count so far; samples on every `every`-th.
  @inline(__always)
  mutating func processed(_ events: Int) {
    if events & (Self.every - 1) == 0 { sample(events) }
  }

  /// Records the final count.
  mutating func finish(_ events: Int) {
    if samples.last?.events != events { sample(events) }
  }

  /// Events per second over the first and the last tenth of the events (measured as `RunPace`
  /// measures a fuzzed run); nil for a run too short to hold a sample inside each tenth.
  var tenths: (first: Double, last: Double)? {
    guard let pace = RunPace(samples: samples, minimumEvents: 20 * Self.every, minimumNanoseconds: 1) else { return nil }
    return (pace.firstTenth, pace.lastTenth)
  }

  private mutating func sample(_ events: Int) {
    samples.append((events, DispatchTime.now().uptimeNanoseconds - started))
  }
}

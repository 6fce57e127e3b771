import Foundation

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

  /// Events per second over the first and the last tenth of the events; nil for a run too short
  /// to hold a sample inside each tenth.
  var tenths: (first: Double, last: Double)? {
    guard let total = samples.last?.events, total >= 20 * Self.every else { return nil }
    return (rate(from: 0, to: total / 10), rate(from: total - total / 10, to: total))
  }

  /// Events per second between the samples nearest to event counts `from` and `to`.
  private func rate(from: Int, to: Int) -> Double {
    let (start, end) = (nearest(from), nearest(to))
    return Double(end.events - start.events) / max(Double(end.nanoseconds - start.nanoseconds) / 1e9, 1e-9)
  }

  private func nearest(_ events: Int) -> (events: Int, nanoseconds: UInt64) {
    let index = min(samples.count - 1, max(0, (events + Self.every / 2) / Self.every))
    return samples[index]
  }

  private mutating func sample(_ events: Int) {
    samples.append((events, DispatchTime.now().uptimeNanoseconds - started))
  }
}

import Glibc
import TokenSimKit

/// The live server's time: the scenario's start plus `rate` × the monotonic wall time elapsed
/// since the server started, plus whatever the control API advanced it by. It never goes back,
/// so the same `AuthorizationServer` the simulator drives sees time as it does there.
struct ServerClock {
  /// Server seconds per wall second.
  let rate: Double
  private let startNanoseconds: UInt64
  private var advanced = SimDuration.zero

  /// A clock at the scenario's start now, running `rate` times as fast as the wall.
  init(rate: Double) {
    self.rate = rate
    startNanoseconds = Self.monotonicNanoseconds()
  }

  /// The monotonic clock in nanoseconds (`CLOCK_MONOTONIC`: never set back, unlike the wall).
  static func monotonicNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }

  /// The server time now.
  func now() -> SimInstant {
    let elapsed = Double(Self.monotonicNanoseconds() - startNanoseconds) / 1_000 * rate
    return SimInstant(microseconds: Int64(elapsed)) + advanced
  }

  /// Moves the server time forward by `duration` at once.
  mutating func advance(by duration: SimDuration) { advanced = advanced + duration }

  /// Wall milliseconds until the server time reaches `instant` (0 when it has), rounded up.
  func wallMilliseconds(until instant: SimInstant) -> Int {
    let ahead = (instant - now()).microseconds
    guard ahead > 0 else { return 0 }
    return Int((Double(ahead) / 1_000 / rate).rounded(.up))
  }
}

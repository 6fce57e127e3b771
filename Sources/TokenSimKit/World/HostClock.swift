/// A host's clock: true time plus an offset, running fast or slow by a drift.
struct HostClock {
  let offset: SimDuration
  let driftPPM: Double

  /// The host's reading at true instant `trueTime`.
  ///
  /// Cannot overflow for an instant of a run: validation bounds a run to 3,650 days, the offset
  /// to ±365 days and the drift to ±100,000 ppm, so a reading stays within ±4,400 days.
  ///
  /// A clock that does not drift (most hosts) is read without the floating-point drift, which
  /// would be exactly zero: every delivery to a process reads its host's clock, inlined.
  @inline(__always)
  func local(_ trueTime: SimInstant) -> SimInstant {
    guard driftPPM != 0 else { return SimInstant(microseconds: trueTime.microseconds + offset.microseconds) }
    let drift = Int64((Double(trueTime.microseconds) * driftPPM / 1_000_000).rounded(.down))
    return SimInstant(microseconds: trueTime.microseconds + offset.microseconds + drift)
  }

  /// The true instant at which the host reads `localTime`. A strategy may name any local
  /// instant (a deadline far beyond the run), so the conversion saturates at `.never`.
  func trueInstant(_ localTime: SimInstant) -> SimInstant {
    if localTime == .never { return .never }
    let shifted = (Double(localTime.microseconds) - Double(offset.microseconds)) / (1 + driftPPM / 1_000_000)
    return SimInstant(saturatingMicroseconds: shifted)
  }
}

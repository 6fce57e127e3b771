/// A host's clock: true time plus an offset, running fast or slow by a drift.
struct HostClock {
  let offset: SimDuration
  let driftPPM: Double

  /// The host's reading at true instant `trueTime`.
  func local(_ trueTime: SimInstant) -> SimInstant {
    let drift = Int64((Double(trueTime.microseconds) * driftPPM / 1_000_000).rounded(.down))
    return SimInstant(microseconds: trueTime.microseconds + offset.microseconds + drift)
  }

  /// The true instant at which the host reads `localTime`.
  func trueInstant(_ localTime: SimInstant) -> SimInstant {
    if localTime == .never { return .never }
    let shifted = Double(localTime.microseconds - offset.microseconds) / (1 + driftPPM / 1_000_000)
    return SimInstant(microseconds: Int64(shifted.rounded(.up)))
  }
}

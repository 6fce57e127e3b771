/// Token-endpoint load per minute, to tell whether it returned to its pre-trigger baseline after
/// the last trigger ended (a metastable failure keeps it up on its own).
///
/// The baseline is the mean number of token requests per minute before the first trigger. A
/// minute is elevated when it holds more than twice the baseline plus two requests. Load has
/// recovered at the start of the first minute after the last trigger that is not elevated.
struct LoadProfile {
  /// How long elevated load must outlast the last trigger for the run to count as metastable.
  static let metastableAfter = SimDuration.minutes(10)

  private var minute = 0
  private var countThisMinute = 0
  /// Requests per minute, 4 bytes each: the one piece of analysis state that grows with
  /// simulated time (170 KB for 30 days).
  private var counts: [UInt32] = []

  /// A token request was sent.
  mutating func sent(at time: SimInstant) {
    advance(to: time)
    countThisMinute += 1
  }

  /// The run ended: close the last minute.
  mutating func finish(end: SimInstant) {
    advance(to: end)
    counts.append(UInt32(clamping: countThisMinute))
  }

  /// Time from `lastEnd` until load was back to baseline (nil if it never was), given the first
  /// trigger's start. Needs a full minute before the first trigger.
  func recovery(firstStart: SimInstant, lastEnd: SimInstant) -> (baseline: Double, time: SimDuration?)? {
    let before = Int(firstStart.microseconds / 60_000_000)
    guard before >= 1, before <= counts.count else { return nil }
    let baseline = Double(counts[..<before].reduce(0) { $0 + Int($1) }) / Double(before)
    let limit = 2 * baseline + 2
    var index = Int((lastEnd.microseconds + 59_999_999) / 60_000_000)
    while index < counts.count {
      if Double(counts[index]) <= limit {
        return (baseline, SimInstant(microseconds: Int64(index) * 60_000_000) - lastEnd)
      }
      index += 1
    }
    return (baseline, nil)
  }

  private mutating func advance(to time: SimInstant) {
    let target = Int(time.microseconds / 60_000_000)
    while minute < target {
      counts.append(UInt32(clamping: countThisMinute))
      countThisMinute = 0
      minute += 1
    }
  }
}

/// A process's timers by name, each with how many times it was armed or cancelled: a queued
/// firing counts only when no arming or cancelling came after the one that scheduled it.
///
/// A timer keeps its slot (its place in first-arming order) for the whole incarnation, so a queued
/// firing names it by slot and arming, two integers, and carries no `TimerName` string: the
/// world's events stay plain data, which the event queue moves without retaining or releasing.
/// A process holds a handful of timers; they are searched linearly, which is cheaper than hashing.
struct TimerArmings {
  private var entries: [(name: TimerName, armings: Int)] = []

  /// No timer armed yet.
  init() {}

  /// Arms `name` (again): its slot, and the number of this arming.
  mutating func arm(_ name: TimerName) -> (slot: Int, arming: Int) {
    let slot = self.slot(of: name)
    entries[slot].armings += 1
    return (slot, entries[slot].armings)
  }

  /// Disarms `name`: a firing of an earlier arming no longer counts.
  mutating func cancel(_ name: TimerName) {
    entries[slot(of: name)].armings += 1
  }

  /// The timer that a firing of arming `arming` at `slot` fires, or nil when the timer was armed
  /// again or cancelled since.
  func firing(slot: Int, arming: Int) -> TimerName? {
    slot < entries.count && entries[slot].armings == arming ? entries[slot].name : nil
  }

  private mutating func slot(of name: TimerName) -> Int {
    if let slot = entries.firstIndex(where: { $0.name == name }) { return slot }
    entries.append((name, 0))
    return entries.count - 1
  }
}

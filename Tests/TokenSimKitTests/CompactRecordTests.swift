import Testing

@testable import TokenSimKit

/// The records kept once per process or worker stay small: the `scale` bench workload (100,000
/// processes) measures under 2 KB per live process with these sizes, and a field that widens one
/// of them shows here first, by name.
struct CompactRecordTests {
  @Test func perProcessRecordsKeepTheirSizes() {
    #expect(MemoryLayout<KeyedLine<Int>>.stride == 24, "an array and four 32-bit positions and counts")
    #expect(MemoryLayout<SimProcess>.stride <= 320)
    // 208 until WaitingCalls kept its oldest call in a slot of its own (eight bytes more, no line
    // buffer for a process that waits for one call at a time).
    #expect(MemoryLayout<RefreshClient>.stride <= 216)
    #expect(MemoryLayout<OutageTracker.Worker>.stride == 56)
  }

  @Test func queuedEventsArePlainData() {
    // A string or array in any case would make every queue move retain, release and go through
    // the event's value witnesses (a timer is named by its slot, not its `TimerName`).
    #expect(_isPOD(WorldEvent.self))
    // Every schedule and every pop moves one: a store read's result, a write's contents or an IPC
    // message inside made it 99 bytes; they wait in the world's `PayloadSlots` instead.
    #expect(MemoryLayout<WorldEvent>.size <= 34, "a process, its incarnation and two integers")
  }

  @Test func aCompactInstantKeepsNilAndEveryInstantOfARun() {
    var kept = CompactInstant(wrappedValue: nil)
    #expect(kept.wrappedValue == nil)
    for microseconds: Int64 in [0, 1, -45 * 86_400_000_000, .max] {
      kept.wrappedValue = SimInstant(microseconds: microseconds)
      #expect(kept.wrappedValue == SimInstant(microseconds: microseconds))
    }
    kept.wrappedValue = nil
    #expect(kept.wrappedValue == nil)
    #expect(MemoryLayout<CompactInstant>.stride == 8)
  }

  @Test func aCompactNumberKeepsNilAndZero() {
    var number = CompactNumber(wrappedValue: 0)
    #expect(number.wrappedValue == 0)
    number.wrappedValue = nil
    #expect(number.wrappedValue == nil)
    number.wrappedValue = Int.max
    #expect(number.wrappedValue == Int.max)
  }

  @Test func aLineCountsItsWorkModulo32BitsAndKeepsItsEntries() {
    var line = KeyedLine<Int>()
    for key in 1...1_000 { line.append(key, key * 2) }
    for key in stride(from: 1, through: 1_000, by: 2) { line.removeValue(forKey: key) }
    #expect(line.count == 500)
    #expect(line.first?.key == 2 && line[1_000] == 2_000)
    #expect(line.visited > 0)
  }
}

import Testing

@testable import TokenSimKit

@Suite struct EngineTests {
  @Test func queuePopsInTimeThenInsertionOrder() {
    var queue = EventQueue<String>()
    queue.schedule("late", at: SimInstant(microseconds: 20))
    queue.schedule("first-at-10", at: SimInstant(microseconds: 10))
    queue.schedule("second-at-10", at: SimInstant(microseconds: 10))
    queue.schedule("early", at: SimInstant(microseconds: 5))
    var order: [String] = []
    while let next = queue.popNext() { order.append(next.payload) }
    #expect(order == ["early", "first-at-10", "second-at-10", "late"])
  }

  @Test func queueStaysOrderedUnderManyRandomInsertions() {
    var queue = EventQueue<Int>()
    var random = RandomStream(rootSeed: 9, name: "heap")
    for index in 0..<5_000 { queue.schedule(index, at: SimInstant(microseconds: random.integer(in: 0...1_000))) }
    var previous = (time: Int64.min, payload: -1)
    while let next = queue.popNext() {
      let isOrdered =
        next.time.microseconds > previous.time || (next.time.microseconds == previous.time && next.payload > previous.payload)
      #expect(isOrdered)
      previous = (next.time.microseconds, next.payload)
    }
  }

  @Test func queuePopsTheEarliestAtEveryHeapSizeWhileSchedulingAndPoppingInTurn() {
    var queue = EventQueue<Int>()
    var random = RandomStream(rootSeed: 13, name: "interleaved")
    var waiting: [(time: Int64, payload: Int)] = []
    var pops = 0
    for index in 0..<3_000 {
      let time = Int64(random.integer(in: 0...200)) + Int64(index / 10)
      queue.schedule(index, at: SimInstant(microseconds: time))
      waiting.append((time, index))
      let popsNow = index < 2_000 ? index % 2 : 3  // grows to 1,000 waiting, then drains
      for _ in 0..<popsNow where !waiting.isEmpty {
        let earliest = waiting.indices.min {
          (waiting[$0].time, waiting[$0].payload) < (waiting[$1].time, waiting[$1].payload)
        }!
        #expect(queue.popNext()?.payload == waiting.remove(at: earliest).payload)
        pops += 1
      }
    }
    #expect(queue.isEmpty && waiting.isEmpty)
    #expect(pops == 3_000)
  }

  @Test func queueKeepsItsOrderAcrossTheRenumberingOfSequenceNumbers() {
    var queue = EventQueue<Int>(firstSequence: EventQueue<Int>.sequenceLimit - 3)
    var random = RandomStream(rootSeed: 11, name: "renumbering")
    var expected: [(time: Int64, payload: Int)] = []
    for index in 0..<40 {
      let time = random.integer(in: 0...5)
      queue.schedule(index, at: SimInstant(microseconds: Int64(time)))
      expected.append((Int64(time), index))
      if index % 7 == 6, let popped = queue.popNext() {
        let earliest = expected.indices.min {
          (expected[$0].time, expected[$0].payload) < (expected[$1].time, expected[$1].payload)
        }!
        #expect(popped.payload == expected.remove(at: earliest).payload)
      }
    }
    #expect(queue.nextSequence == 40, "renumbered from 0 at the fourth item: 3 waiting, then 37 more")
    var order: [Int] = []
    while let next = queue.popNext() { order.append(next.payload) }
    #expect(order == expected.sorted { ($0.time, $0.payload) < ($1.time, $1.payload) }.map(\.payload))
  }

  /// Items offered to lanes at fixed delays (now and then early, so that a lane refuses them
  /// and they go to the heap) come out exactly as from a queue that has only its heap.
  @Test(arguments: [EventQueue<Int>.sequenceLimit - 100, 0])
  func lanesNeverChangeTheOrderItemsComeOutIn(firstSequence: UInt64) {
    var plain = EventQueue<Int>(firstSequence: firstSequence)
    var laned = EventQueue<Int>(firstSequence: firstSequence, lanes: 3)
    var random = RandomStream(rootSeed: 17, name: "lanes")
    let delays: [Int64] = [0, 100, 250]
    var now: Int64 = 0
    var matched = 0
    func popBoth() {
      let (expected, popped) = (plain.popNext(), laned.popNext())
      #expect(popped?.payload == expected?.payload && popped?.time == expected?.time)
      if let expected { now = expected.time.microseconds }
      matched += 1
    }
    for index in 0..<20_000 {
      let lane = Int(random.integer(in: 0...3))
      let jitter = random.chance(0.1) ? random.integer(in: -50...50) : 0
      let time = SimInstant(microseconds: now + max(0, lane == 3 ? random.integer(in: 0...500) : delays[lane] + jitter))
      plain.schedule(index, at: time)
      lane == 3 ? laned.schedule(index, at: time) : laned.schedule(index, at: time, lane: lane)
      #expect(laned.nextTime == plain.nextTime && laned.count == plain.count)
      if random.chance(0.5) { popBoth() }
    }
    while !plain.isEmpty { popBoth() }
    #expect(laned.isEmpty && laned.popNext() == nil)
    #expect(matched >= 20_000)
  }

  /// With as many lanes as a queue may have, each at its own fixed delay, sources overtake one
  /// another in every way (a lane emptied and filled again, the heap's top replaced by an earlier
  /// item), and the items still come out exactly as from the heap alone.
  @Test func aQueueOfFifteenLanesPopsAsTheHeapAlone() {
    var plain = EventQueue<Int>()
    var laned = EventQueue<Int>(lanes: 15)
    var random = RandomStream(rootSeed: 23, name: "fifteen lanes")
    var now: Int64 = 0
    var popped = 0
    for index in 0..<30_000 {
      let lane = Int(random.integer(in: 0...15))
      let delay = lane == 15 ? random.integer(in: 0...2_000) : Int64(lane) * 97 + (random.chance(0.05) ? -40 : 0)
      let time = SimInstant(microseconds: now + max(0, delay))
      plain.schedule(index, at: time)
      lane == 15 ? laned.schedule(index, at: time) : laned.schedule(index, at: time, lane: lane)
      while random.chance(0.55), let expected = plain.popNext() {
        let next = laned.popNext()
        #expect(next?.payload == expected.payload && next?.time == expected.time)
        now = expected.time.microseconds
        popped += 1
      }
      #expect(laned.nextTime == plain.nextTime && laned.count == plain.count)
    }
    while let expected = plain.popNext() {
      #expect(laned.popNext()?.payload == expected.payload)
      popped += 1
    }
    #expect(laned.isEmpty && popped == 30_000)
  }

  /// Items waiting in the heap and in lanes when a queue goes, or moved into the heap by a
  /// renumbering, are each released once.
  @Test func aQueueReleasesEveryItemLeftInItsHeapAndLanesOnce() {
    final class Counted {
      static nonisolated(unsafe) var alive = 0
      init() { Counted.alive += 1 }
      deinit { Counted.alive -= 1 }
    }
    do {
      var queue = EventQueue<Counted>(firstSequence: EventQueue<Counted>.sequenceLimit - 50, lanes: 2)
      for index in 0..<200 {
        let time = SimInstant(microseconds: Int64(index % 7 == 0 ? 1_000 - index : index))
        index % 3 == 2 ? queue.schedule(Counted(), at: time) : queue.schedule(Counted(), at: time, lane: index % 3)
        if index % 5 == 0 { _ = queue.popNext() }
      }
      #expect(Counted.alive == queue.count && queue.count == 160)
    }
    #expect(Counted.alive == 0)
  }

  @Test func streamsAreReproducibleAndIndependentByName() {
    var a = RandomStream(rootSeed: 42, name: "server/faults")
    var b = RandomStream(rootSeed: 42, name: "server/faults")
    var c = RandomStream(rootSeed: 42, name: "arrivals/laptop/cli")
    let drawsA = (0..<8).map { _ in a.next() }
    #expect(drawsA == (0..<8).map { _ in b.next() })
    #expect(drawsA != (0..<8).map { _ in c.next() })
    #expect(RandomStream.stableHash("abc") == 0xe71f_a219_0541_574b)
  }

  @Test(arguments: [0, 7, 9, 10, 99, 100, 1_234_567, Int.max])
  func aNameEndingInANumberHashesAsSpelledOut(number: Int) {
    let prefix = RandomStream.stableHash("process/host/cli/")
    let crashPrefix = RandomStream.stableHash("crash/process/host/cli/")
    let both = RandomStream.stableHashes(decimal: number, continuing: (prefix, crashPrefix))
    #expect(both.0 == RandomStream.stableHash("process/host/cli/" + String(number)))
    #expect(both.1 == RandomStream.stableHash("crash/process/host/cli/" + String(number)))
  }

  @Test(
    arguments: [
      ("250ms", 250_000), ("30s", 30_000_000), ("30m", 1_800_000_000), ("2h", 7_200_000_000),
      ("30d", 2_592_000_000_000), ("1h30m", 5_400_000_000), ("-3m", -180_000_000), ("0s", 0),
    ] as [(String, Int64)])
  func durationsParse(text: String, microseconds: Int64) {
    #expect(DurationText.parse(text) == SimDuration(microseconds: microseconds))
    #expect(DurationText.parse(DurationText.format(SimDuration(microseconds: microseconds)))?.microseconds == microseconds)
  }

  @Test(arguments: ["", "30", "s", "30x", "1.5s", "30 s s", "-", "99999999999999999d"])
  func malformedDurationsAreRejected(text: String) {
    #expect(DurationText.parse(text) == nil)
  }

  @Test func httpDatesFollowIMFFixdate() {
    #expect(HTTPDate.format(.start) == "Thu, 01 Jan 2026 00:00:00 GMT")
    let later = SimInstant.start + .days(59) + .hours(13) + .seconds(7)
    #expect(HTTPDate.format(later) == "Sun, 01 Mar 2026 13:00:07 GMT")
    #expect(HTTPDate.parse("Sun, 01 Mar 2026 13:00:07 GMT") == later)
    #expect(HTTPDate.parse("Fri, 31 Dec 1999 23:59:59 GMT") == SimInstant(microseconds: -820_540_801_000_000))
    #expect(HTTPDate.parse("tomorrow") == nil)
  }

  @Test func hostClockAppliesOffsetAndDriftBothWays() {
    let clock = HostClock(offset: .minutes(-3), driftPPM: 100)
    let trueTime = SimInstant.start + .hours(10)
    let local = clock.local(trueTime)
    #expect(local == SimInstant.start + .hours(10) - .minutes(3) + .milliseconds(3_600))
    #expect(clock.trueInstant(local) == trueTime)
  }
}

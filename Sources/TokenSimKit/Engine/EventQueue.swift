/// A four-ary min-heap of scheduled items ordered by (time, sequence number): half the levels of
/// a binary heap, and the four children of a node share a cache line or two.
///
/// The sequence number is assigned on insertion, so two items due at the same instant come out in
/// the order they were scheduled: the order never depends on hashing or memory addresses.
///
/// The heap moves only 16-byte keys (the time, and the sequence number with the payload's slot in
/// its low bits); each payload stays in its slot until it is taken, so an event with strings or
/// arrays inside is never copied while the heap reorders.
///
/// The queue owns its storage and cannot be copied: every event of a run goes through it twice,
/// and storage of its own spares each of those steps the uniqueness checks and optional payloads
/// of copy-on-write arrays.
///
/// Beside the heap, a queue may keep a few lanes: first-in-first-out runs for items whose times
/// never decrease in the order they are scheduled (a timeout always the same time after now, an
/// item due now). An item scheduled in a lane goes to its end in O(1) if it is due no earlier
/// than the lane's last item, and into the heap otherwise, so a lane holds its items in (time,
/// sequence) order; a pop takes the earliest of the heap's top and the lanes' first items. Which
/// lane an item is offered to changes only the cost, never the order items come out in.
///
/// The sources (the lanes and the heap) that hold items are kept ranked by their first items
/// (`ranking`), so a pop takes the first source's item and moves that source back past the few
/// whose first items now come before its new one: usually none, where looking at every source's
/// first item cost 20 instructions a source (a naive fleet's pops looked at four and a half).
public struct EventQueue<Payload>: ~Copyable {
  /// Sequence numbers run below this (the low `EventKey.slotBits` of a key's order hold its slot);
  /// on reaching it, the waiting items are renumbered from 0 in their order (`renumber`), which
  /// the items scheduled after them then follow.
  static var sequenceLimit: UInt64 { 1 << (64 - EventKey.slotBits) }
  /// The most lanes a queue has: with the heap, its sources are numbered in four bits.
  static var laneLimit: Int { 15 }

  private var heap: UnsafeMutablePointer<EventKey>
  /// The number of entries in the heap (the rest wait in lanes).
  private var heapCount = 0
  /// Payloads by slot; a slot is initialized while an entry in the heap or a lane names it.
  private var payloads: UnsafeMutablePointer<Payload>
  /// Slots below `slotsUsed` that hold no payload, the last freed on top.
  private var freeSlots: UnsafeMutablePointer<UInt32>
  /// How many entries each of the three buffers has room for (at least `count`).
  private var capacity: Int
  private var lanes: UnsafeMutablePointer<EventLane>
  /// Each source's first key, `EventKey.none` for an empty one: lane `lane` at `lane`, the
  /// heap's top (with lanes) at `laneCount`.
  private var heads: UnsafeMutablePointer<EventKey>
  private let laneCount: Int
  /// With lanes, the sources holding items, four bits each, earliest first key first: the
  /// lowest four bits name the source of the earliest item. Bits past the `ranked` sources are
  /// zero. Without lanes it is not kept: the heap's top is the earliest, and a queue of the heap
  /// alone pays nothing for lanes it does not have.
  private var ranking: UInt64 = 0
  /// How many sources hold items (with lanes).
  private var ranked = 0
  /// The number of items waiting in the lanes.
  private var laneItems = 0
  private var freeCount = 0
  private var slotsUsed = 0
  private(set) var nextSequence: UInt64

  /// Creates an empty queue with `lanes` lanes (none: every item waits in the heap).
  public init(lanes: Int = 0) { self.init(firstSequence: 0, lanes: lanes) }

  /// An empty queue whose first sequence number is `firstSequence` (tests start near the limit).
  init(firstSequence: UInt64, lanes laneCount: Int = 0) {
    precondition(firstSequence < Self.sequenceLimit, "sequence \(firstSequence) is past the limit")
    precondition(
      (0...Self.laneLimit).contains(laneCount), "a queue has 0 to \(Self.laneLimit) lanes, not \(laneCount)")
    nextSequence = firstSequence
    capacity = 16
    heap = .allocate(capacity: capacity)
    payloads = .allocate(capacity: capacity)
    freeSlots = .allocate(capacity: capacity)
    self.laneCount = laneCount
    lanes = .allocate(capacity: max(laneCount, 1))
    heads = .allocate(capacity: laneCount + 1)
    for lane in 0..<laneCount { (lanes + lane).initialize(to: EventLane()) }
    heads.initialize(repeating: .none, count: laneCount + 1)
  }

  deinit {
    for index in 0..<heapCount { (payloads + heap[index].slot).deinitialize(count: 1) }
    for lane in 0..<laneCount {
      while let entry = lanes[lane].removeFirst() { (payloads + entry.slot).deinitialize(count: 1) }
      lanes[lane].deallocate()
    }
    lanes.deallocate()
    heads.deallocate()
    heap.deallocate()
    payloads.deallocate()
    freeSlots.deallocate()
  }

  /// The number of items waiting, in the heap and the lanes.
  public var count: Int { heapCount + laneItems }
  /// Whether nothing is waiting.
  public var isEmpty: Bool { count == 0 }
  /// The time of the earliest item, if any.
  public var nextTime: SimInstant? {
    count == 0 ? nil : SimInstant(microseconds: laneCount == 0 ? heap[0].time : heads[source(ofRank: 0)].time)
  }

  /// Calls `body` with every payload waiting, in no particular order: for whole-world checks,
  /// O(n), never on the per-event path.
  func forEachPending(_ body: (Payload) -> Void) {
    for index in 0..<heapCount { body(payloads[heap[index].slot]) }
    for lane in 0..<laneCount { lanes[lane].forEachKey { body(payloads[$0.slot]) } }
  }

  /// Schedules `payload` at `time` in the heap. The lanes' bookkeeping is one comparison, and a
  /// call (`heapTopChanged`) only when the heap has a new top, so that a queue of the heap alone
  /// (the engine's loop) inlines a schedule as small as before.
  public mutating func schedule(_ payload: Payload, at time: SimInstant) {
    let entry = enter(payload, at: time)
    heap[heapCount] = entry
    heapCount += 1
    Self.siftUp(heap, from: heapCount - 1)
    if laneCount > 0, entry.precedes(heads[laneCount]) { heapTopChanged(to: entry) }
  }

  /// Schedules `payload` at `time` at the end of lane `lane` if its last item is due no later,
  /// and in the heap otherwise: the order items come out in is the same either way.
  public mutating func schedule(_ payload: Payload, at time: SimInstant, lane: Int) {
    precondition(UInt(bitPattern: lane) < UInt(laneCount), "lane \(lane) of a queue with \(laneCount) lanes")
    guard lanes[lane].accepts(time.microseconds) else { return schedule(payload, at: time) }
    let entry = enter(payload, at: time)
    laneItems &+= 1
    guard lanes[lane].append(entry) else { return }
    heads[lane] = entry
    rank(lane, at: rank(of: entry, from: 0))
  }

  /// The heap's top is now `entry`, newly scheduled: the heap's place in the ranking moves to
  /// it (only with lanes). Out of line: most keys scheduled in the heap are not its new top.
  @inline(never)
  private mutating func heapTopChanged(to entry: EventKey) {
    if heapCount > 1 { unrank(rank(ofSource: laneCount)) }
    heads[laneCount] = entry
    rank(laneCount, at: rank(of: entry, from: 0))
  }

  /// Stores `payload` in a free slot and returns its key, due at `time`, next in sequence.
  /// Inlined in both ways to schedule: a call of its own cost as much as its work.
  @inline(__always)
  private mutating func enter(_ payload: Payload, at time: SimInstant) -> EventKey {
    if count == capacity { grow() }
    if nextSequence == Self.sequenceLimit { renumber() }
    let slot: Int
    if freeCount > 0 {
      freeCount &-= 1
      slot = Int(freeSlots[freeCount])
    } else {
      slot = slotsUsed
      slotsUsed &+= 1
    }
    (payloads + slot).initialize(to: payload)
    let entry = EventKey(time: time.microseconds, sequence: nextSequence, slot: slot)
    nextSequence &+= 1
    return entry
  }

  /// Removes and returns the earliest item.
  public mutating func popNext() -> (time: SimInstant, payload: Payload)? {
    guard count > 0 else { return nil }
    return take(laneCount == 0 ? takeHeapTop() : takeEarliest())
  }

  /// Removes and returns the earliest item; there is one (`nextTime` said when). For the world's
  /// loop, which has read `nextTime` already: no optional to wrap and unwrap again, and the
  /// search among the lanes inlined (a call of its own cost 15 instructions an event).
  @inline(__always)
  mutating func removeNext() -> (time: SimInstant, payload: Payload) {
    precondition(count > 0, "an item is taken from an empty queue")
    return take(laneCount == 0 ? takeHeapTop() : earliestTaken())
  }

  /// The item of `key`, taken out of the queue: its slot is freed.
  @inline(__always)
  private mutating func take(_ key: EventKey) -> (time: SimInstant, payload: Payload) {
    let slot = key.slot
    freeSlots[freeCount] = UInt32(truncatingIfNeeded: slot)
    freeCount &+= 1
    return (SimInstant(microseconds: key.time), (payloads + slot).move())
  }

  /// Removes and returns the heap's top (the heap is not empty).
  @inline(__always)
  private mutating func takeHeapTop() -> EventKey {
    let top = heap[0]
    heapCount -= 1
    if heapCount > 0 {
      heap[0] = heap[heapCount]
      Self.siftDown(heap, count: heapCount)
    }
    return top
  }

  /// `earliestTaken()`, kept out of `popNext`, so that a queue without lanes (the engine's loop)
  /// pops as a plain heap does.
  @inline(never)
  private mutating func takeEarliest() -> EventKey { earliestTaken() }

  /// Removes and returns the first key of the first ranked source, the heap or a lane, and moves
  /// that source to its new place in the ranking.
  @inline(__always)
  private mutating func earliestTaken() -> EventKey {
    let first = source(ofRank: 0)
    let top = heads[first]
    let head: EventKey
    if first == laneCount {
      _ = takeHeapTop()
      head = heapCount > 0 ? heap[0] : .none
    } else {
      laneItems &-= 1
      head = lanes[first].dropFirst()
    }
    heads[first] = head
    if head.isNone {
      ranking &>>= 4
      ranked &-= 1
    } else if ranked > 1, heads[source(ofRank: 1)].precedes(head) {
      moveFirst(to: rank(of: head, from: 2) &- 1)
    }
    return top
  }

  /// The source ranked `rank`.
  @inline(__always)
  private func source(ofRank rank: Int) -> Int { Int(truncatingIfNeeded: (ranking &>> UInt64(rank &* 4)) & 15) }

  /// The rank a source whose first key is `key` takes: after the sources from rank `start` on
  /// whose first keys precede it (those before `start` are known to).
  @inline(__always)
  private func rank(of key: EventKey, from start: Int) -> Int {
    var rank = start
    while rank < ranked, heads[source(ofRank: rank)].precedes(key) { rank &+= 1 }
    return rank
  }

  /// The rank of `source`, which is ranked.
  private func rank(ofSource source: Int) -> Int {
    var rank = 0
    while self.source(ofRank: rank) != source { rank += 1 }
    return rank
  }

  /// Ranks `source`, which is not ranked, at `rank`: those from `rank` on move one down.
  @inline(__always)
  private mutating func rank(_ source: Int, at rank: Int) {
    let shift = UInt64(rank &* 4)
    let before = ranking & ((1 &<< shift) &- 1)
    // Plain shifts: at rank 15 the sources after it shift out by 64 bits, to nothing (`&<<` would
    // wrap the shift to 0 and keep them).
    ranking = before | UInt64(source) &<< shift | (ranking >> shift) << (shift + 4)
    ranked &+= 1
  }

  /// Moves the first-ranked source to `rank`: those ranked after it up to `rank` move one up.
  @inline(__always)
  private mutating func moveFirst(to rank: Int) {
    let first = ranking & 15
    let shift = UInt64(rank &* 4)
    let moved = (ranking &>> 4) & ((1 &<< shift) &- 1)
    ranking = moved | first &<< shift | (ranking >> (shift + 4)) << (shift + 4)
  }

  /// Takes the source ranked `rank` out of the ranking.
  private mutating func unrank(_ rank: Int) {
    let shift = UInt64(rank * 4)
    let before = ranking & ((1 &<< shift) &- 1)
    ranking = before | (ranking >> (shift + 4)) << shift
    ranked -= 1
  }

  /// Doubles the room of the three buffers; slots never exceed the entries, so they fit too.
  private mutating func grow() {
    let larger = capacity * 2
    precondition(UInt64(larger) <= EventKey.slotMask, "more than \(EventKey.slotMask / 2 + 1) events are waiting")
    heap = Self.moved(heap, count: heapCount, to: larger)
    payloads = Self.moved(payloads, count: slotsUsed, to: larger)
    freeSlots = Self.moved(freeSlots, count: freeCount, to: larger)
    capacity = larger
  }

  /// `buffer` with its first `count` elements moved into a new buffer of `capacity`.
  private static func moved<Element>(
    _ buffer: UnsafeMutablePointer<Element>, count: Int, to capacity: Int
  ) -> UnsafeMutablePointer<Element> {
    let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    larger.moveInitialize(from: buffer, count: count)
    buffer.deallocate()
    return larger
  }

  /// Gives the waiting entries sequence numbers 0, 1, 2, … in their (time, sequence) order:
  /// the order is unchanged, and every later item still comes after them. The lanes' entries
  /// join the heap first (the lanes start empty again), and a sorted array is a heap as it is.
  private mutating func renumber() {
    for lane in 0..<laneCount {
      while let entry = lanes[lane].removeFirst() {
        heap[heapCount] = entry
        heapCount += 1
      }
      heads[lane] = .none
    }
    laneItems = 0
    var entries = UnsafeMutableBufferPointer(start: heap, count: heapCount)
    entries.sort { $0.precedes($1) }
    for index in entries.indices {
      entries[index] = EventKey(time: entries[index].time, sequence: UInt64(index), slot: entries[index].slot)
    }
    nextSequence = UInt64(count)
    guard laneCount > 0 else { return }
    (ranking, ranked) = (0, 0)
    heads[laneCount] = heapCount > 0 ? heap[0] : .none
    if heapCount > 0 { rank(laneCount, at: 0) }
  }

  /// Moves the key at `start` up to its place: the keys are a heap but for it.
  private static func siftUp(_ heap: UnsafeMutablePointer<EventKey>, from start: Int) {
    var child = start
    let item = heap[child]
    while child > 0 {
      let parent = (child &- 1) >> 2
      guard item.precedes(heap[parent]) else { break }
      heap[child] = heap[parent]
      child = parent
    }
    heap[child] = item
  }

  /// Moves the key at the root of the `count` keys of `heap` down to its place: Floyd's
  /// bottom-up sift. The hole left at the root goes down to a leaf along the smallest children
  /// (three comparisons a level in a small tournament, none against the item), then the item
  /// climbs back from there; the item popped into the root is a leaf's, so it rarely climbs far.
  /// Indices stay below `count`, so their arithmetic cannot overflow and goes unchecked. The keys
  /// are passed alone (a method of the queue was handed a copy of the whole queue to borrow).
  private static func siftDown(_ heap: UnsafeMutablePointer<EventKey>, count: Int) {
    let item = heap[0]
    var hole = 0
    while true {
      let first = hole &<< 2 &+ 1
      guard first &+ 3 < count else {
        if first < count { hole = smallestOfLast(heap, count: count, from: first, hole: hole) }
        break
      }
      let children = heap + first
      let left = children[1].precedes(children[0]) ? 1 : 0
      let right = children[3].precedes(children[2]) ? 3 : 2
      let smallest = first &+ (children[right].precedes(children[left]) ? right : left)
      heap[hole] = heap[smallest]
      hole = smallest
    }
    while hole > 0 {
      let parent = (hole &- 1) >> 2
      guard item.precedes(heap[parent]) else { break }
      heap[hole] = heap[parent]
      hole = parent
    }
    heap[hole] = item
  }

  /// Moves the smallest of the one to three children from `first` to the end into `hole` and
  /// returns where it was: the last family of the heap, which has no children of its own.
  private static func smallestOfLast(
    _ heap: UnsafeMutablePointer<EventKey>, count: Int, from first: Int, hole: Int
  ) -> Int {
    var smallest = first
    for child in (first &+ 1)..<count where heap[child].precedes(heap[smallest]) { smallest = child }
    heap[hole] = heap[smallest]
    return smallest
  }
}

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
public struct EventQueue<Payload>: ~Copyable {
  /// Sequence numbers run below this (the low `EventKey.slotBits` of a key's order hold its slot);
  /// on reaching it, the waiting items are renumbered from 0 in their order (`renumber`), which
  /// the items scheduled after them then follow.
  static var sequenceLimit: UInt64 { 1 << (64 - EventKey.slotBits) }

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
  /// Each lane's first key, `EventKey.none` for an empty lane: read together, side by side.
  private var heads: UnsafeMutablePointer<EventKey>
  private let laneCount: Int
  /// Bit `lane` set when the lane holds a key: a pop looks at those lanes only.
  private var nonEmptyLanes: UInt32 = 0
  /// With lanes, the earliest waiting key (`EventKey.none` when nothing waits), and where it
  /// waits: the heap's top (-1) or the head of that lane. Kept up to date by every change, so
  /// that reading the next time and popping look at the lanes once an event, not twice. Without
  /// lanes it is not kept: the heap's top is the earliest, and a queue of the heap alone pays
  /// nothing for lanes it does not have.
  private var next = EventKey.none
  private var nextLane = -1
  /// The runner-up: the earliest head of the sources (the heap and the lanes) other than
  /// `nextLane`'s, `EventKey.none` when they are all empty. A pop whose source's new head still
  /// precedes it has found the next without looking at the other lanes.
  private var runnerUp = EventKey.none
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
    precondition((0...16).contains(laneCount), "a queue has 0 to 16 lanes, not \(laneCount)")
    nextSequence = firstSequence
    capacity = 16
    heap = .allocate(capacity: capacity)
    payloads = .allocate(capacity: capacity)
    freeSlots = .allocate(capacity: capacity)
    self.laneCount = laneCount
    lanes = .allocate(capacity: max(laneCount, 1))
    heads = .allocate(capacity: max(laneCount, 1))
    for lane in 0..<laneCount { (lanes + lane).initialize(to: EventLane()) }
    heads.initialize(repeating: .none, count: max(laneCount, 1))
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
    count == 0 ? nil : SimInstant(microseconds: laneCount == 0 ? heap[0].time : next.time)
  }

  /// Schedules `payload` at `time` in the heap. The lanes' bookkeeping is a call of its own, so
  /// that a queue of the heap alone (the engine's loop) inlines a schedule as small as before.
  public mutating func schedule(_ payload: Payload, at time: SimInstant) {
    let entry = enter(payload, at: time)
    heap[heapCount] = entry
    heapCount += 1
    Self.siftUp(heap, from: heapCount - 1)
    if laneCount > 0 { offerFromHeap(entry) }
  }

  /// `offer` for a key scheduled in the heap.
  @inline(never)
  private mutating func offerFromHeap(_ entry: EventKey) { offer(entry, from: -1) }

  /// Schedules `payload` at `time` at the end of lane `lane` if its last item is due no later,
  /// and in the heap otherwise: the order items come out in is the same either way.
  public mutating func schedule(_ payload: Payload, at time: SimInstant, lane: Int) {
    precondition(UInt(bitPattern: lane) < UInt(laneCount), "lane \(lane) of a queue with \(laneCount) lanes")
    guard lanes[lane].accepts(time.microseconds) else { return schedule(payload, at: time) }
    let entry = enter(payload, at: time)
    laneItems += 1
    guard lanes[lane].append(entry) else { return }
    heads[lane] = entry
    nonEmptyLanes |= 1 << lane
    offer(entry, from: lane)
  }

  /// Keeps `next` and `runnerUp` current when `entry` is newly scheduled in `source` (-1 for the
  /// heap): a key that is not its source's new head precedes neither, as every key of a source
  /// comes after its head. An empty lane that gets a key is never `nextLane`.
  @inline(__always)
  private mutating func offer(_ entry: EventKey, from source: Int) {
    if entry.precedes(next) {
      if source != nextLane { runnerUp = next }
      (next, nextLane) = (entry, source)
    } else if source != nextLane, entry.precedes(runnerUp) {
      runnerUp = entry
    }
  }

  /// Stores `payload` in a free slot and returns its key, due at `time`, next in sequence.
  /// Inlined in both ways to schedule: a call of its own cost as much as its work.
  @inline(__always)
  private mutating func enter(_ payload: Payload, at time: SimInstant) -> EventKey {
    if count == capacity { grow() }
    if nextSequence == Self.sequenceLimit { renumber() }
    let slot: Int
    if freeCount > 0 {
      freeCount -= 1
      slot = Int(freeSlots[freeCount])
    } else {
      slot = slotsUsed
      slotsUsed += 1
    }
    (payloads + slot).initialize(to: payload)
    let entry = EventKey(time: time.microseconds, sequence: nextSequence, slot: slot)
    nextSequence += 1
    return entry
  }

  /// Removes and returns the earliest item.
  public mutating func popNext() -> (time: SimInstant, payload: Payload)? {
    guard count > 0 else { return nil }
    let top = laneCount == 0 ? takeHeapTop() : takeEarliest()
    let slot = top.slot
    freeSlots[freeCount] = UInt32(truncatingIfNeeded: slot)
    freeCount += 1
    return (SimInstant(microseconds: top.time), (payloads + slot).move())
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

  /// Removes and returns `next`, from the heap or its lane, and finds the one after it. Kept out
  /// of `popNext`, so that a queue without lanes pops as a plain heap does.
  @inline(never)
  private mutating func takeEarliest() -> EventKey {
    let top = next
    let head: EventKey
    if nextLane < 0 {
      _ = takeHeapTop()
      head = heapCount > 0 ? heap[0] : .none
    } else {
      laneItems -= 1
      head = lanes[nextLane].dropFirst()
      heads[nextLane] = head
      if lanes[nextLane].count == 0 { nonEmptyLanes &= ~(1 << nextLane) }
    }
    if head.precedes(runnerUp) {
      next = head
    } else {
      findNext()
    }
    return top
  }

  /// Finds `next` and `runnerUp`: the earliest and second earliest of the heap's top and the
  /// lanes' heads. A head due later than the runner-up so far is passed on its time alone.
  @inline(__always)
  private mutating func findNext() {
    var best = heapCount > 0 ? heap[0] : .none
    var second = EventKey.none
    var source = -1
    var lanesLeft = nonEmptyLanes
    while lanesLeft != 0 {
      let lane = Int(truncatingIfNeeded: lanesLeft.trailingZeroBitCount)
      lanesLeft &= lanesLeft &- 1
      let head = heads[lane]
      guard head.time <= second.time else { continue }
      if head.precedes(best) {
        (second, best, source) = (best, head, lane)
      } else if head.precedes(second) {
        second = head
      }
    }
    (next, nextLane, runnerUp) = (best, source, second)
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
    nonEmptyLanes = 0
    laneItems = 0
    var entries = UnsafeMutableBufferPointer(start: heap, count: heapCount)
    entries.sort { $0.precedes($1) }
    for index in entries.indices {
      entries[index] = EventKey(time: entries[index].time, sequence: UInt64(index), slot: entries[index].slot)
    }
    nextSequence = UInt64(count)
    findNext()
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

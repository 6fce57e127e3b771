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
public struct EventQueue<Payload>: ~Copyable {
  /// A heap key: when, and in what order; the low `slotBits` of `order` name the payload's slot.
  struct Entry {
    var time: Int64
    var order: UInt64

    @inline(__always)
    func precedes(_ other: Entry) -> Bool {
      time < other.time || (time == other.time && order < other.order)
    }

    @inline(__always)
    var slot: Int { Int(truncatingIfNeeded: order & EventQueue.slotMask) }
  }

  /// The low bits of an entry's `order` hold its slot, the high bits its sequence number.
  static var slotBits: UInt64 { 32 }
  static var slotMask: UInt64 { (1 << slotBits) - 1 }
  /// Sequence numbers run below this; on reaching it, the waiting items are renumbered from 0 in
  /// their order (`renumber`), which the items scheduled after them then follow.
  static var sequenceLimit: UInt64 { 1 << (64 - slotBits) }

  private var heap: UnsafeMutablePointer<Entry>
  /// Payloads by slot; a slot is initialized while an entry in the heap names it.
  private var payloads: UnsafeMutablePointer<Payload>
  /// Slots below `slotsUsed` that hold no payload, the last freed on top.
  private var freeSlots: UnsafeMutablePointer<UInt32>
  /// How many entries each of the three buffers has room for.
  private var capacity: Int
  /// The number of items waiting.
  public private(set) var count = 0
  private var freeCount = 0
  private var slotsUsed = 0
  private(set) var nextSequence: UInt64

  /// Creates an empty queue.
  public init() { self.init(firstSequence: 0) }

  /// An empty queue whose first sequence number is `firstSequence` (tests start near the limit).
  init(firstSequence: UInt64) {
    precondition(firstSequence < Self.sequenceLimit, "sequence \(firstSequence) is past the limit")
    nextSequence = firstSequence
    capacity = 16
    heap = .allocate(capacity: capacity)
    payloads = .allocate(capacity: capacity)
    freeSlots = .allocate(capacity: capacity)
  }

  deinit {
    for index in 0..<count { (payloads + heap[index].slot).deinitialize(count: 1) }
    heap.deallocate()
    payloads.deallocate()
    freeSlots.deallocate()
  }

  /// Whether nothing is waiting.
  public var isEmpty: Bool { count == 0 }
  /// The time of the earliest item, if any.
  public var nextTime: SimInstant? { count == 0 ? nil : SimInstant(microseconds: heap[0].time) }

  /// Schedules `payload` at `time`.
  public mutating func schedule(_ payload: Payload, at time: SimInstant) {
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
    heap[count] = Entry(time: time.microseconds, order: nextSequence << Self.slotBits | UInt64(slot))
    nextSequence += 1
    count += 1
    siftUp(from: count - 1)
  }

  /// Removes and returns the earliest item.
  public mutating func popNext() -> (time: SimInstant, payload: Payload)? {
    guard count > 0 else { return nil }
    let top = heap[0]
    count -= 1
    if count > 0 {
      heap[0] = heap[count]
      siftDown(from: 0)
    }
    let slot = top.slot
    freeSlots[freeCount] = UInt32(truncatingIfNeeded: slot)
    freeCount += 1
    return (SimInstant(microseconds: top.time), (payloads + slot).move())
  }

  /// Doubles the room of the three buffers; slots never exceed the entries, so they fit too.
  private mutating func grow() {
    let larger = capacity * 2
    precondition(UInt64(larger) <= Self.slotMask + 1, "more than \(Self.slotMask + 1) events are waiting")
    heap = Self.moved(heap, count: count, to: larger)
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
  /// the order is unchanged, and every later item still comes after them. A sorted array is a
  /// heap as it is.
  private mutating func renumber() {
    var entries = UnsafeMutableBufferPointer(start: heap, count: count)
    entries.sort { $0.precedes($1) }
    for index in entries.indices {
      entries[index].order = UInt64(index) << Self.slotBits | UInt64(entries[index].slot)
    }
    nextSequence = UInt64(count)
  }

  private func siftUp(from start: Int) {
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

  /// Floyd's bottom-up sift: the hole left at `start` goes down to a leaf along the smallest
  /// children (three comparisons a level in a small tournament, none against the item), then the
  /// item climbs back from there; the item popped into the root is a leaf's, so it rarely climbs
  /// far. Indices stay below `count`, so their arithmetic cannot overflow and goes unchecked.
  private func siftDown(from start: Int) {
    let item = heap[start]
    var hole = start
    while true {
      let first = hole &<< 2 &+ 1
      guard first &+ 3 < count else {
        if first < count { hole = smallestOfLast(from: first, hole: hole) }
        break
      }
      let children = heap + first
      let left = children[1].precedes(children[0]) ? 1 : 0
      let right = children[3].precedes(children[2]) ? 3 : 2
      let smallest = first &+ (children[right].precedes(children[left]) ? right : left)
      heap[hole] = heap[smallest]
      hole = smallest
    }
    while hole > start {
      let parent = (hole &- 1) >> 2
      guard item.precedes(heap[parent]) else { break }
      heap[hole] = heap[parent]
      hole = parent
    }
    heap[hole] = item
  }

  /// Moves the smallest of the one to three children from `first` to the end into `hole` and
  /// returns where it was: the last family of the heap, which has no children of its own.
  private func smallestOfLast(from first: Int, hole: Int) -> Int {
    var smallest = first
    for child in (first &+ 1)..<count where heap[child].precedes(heap[smallest]) { smallest = child }
    heap[hole] = heap[smallest]
    return smallest
  }
}

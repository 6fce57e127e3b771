/// A four-ary min-heap of scheduled items ordered by (time, sequence number): half the levels of
/// a binary heap, and the four children of a node share a cache line or two.
///
/// The sequence number is assigned on insertion, so two items due at the same instant come out in
/// the order they were scheduled: the order never depends on hashing or memory addresses.
///
/// The heap moves only small plain keys; each payload stays in a slot of its own until it is
/// taken, so an event with strings or arrays inside is never copied while the heap reorders.
public struct EventQueue<Payload> {
  /// A heap key: when, in what order, and which slot holds the payload.
  struct Entry {
    var time: Int64
    var sequence: UInt64
    var slot: Int

    @inline(__always)
    func precedes(_ other: Entry) -> Bool {
      time != other.time ? time < other.time : sequence < other.sequence
    }
  }

  var heap: [Entry] = []
  var nextSequence: UInt64 = 0
  private var payloads: [Payload?] = []
  private var freeSlots: [Int] = []

  /// Creates an empty queue.
  public init() {}

  /// The number of items waiting.
  public var count: Int { heap.count }
  /// Whether nothing is waiting.
  public var isEmpty: Bool { heap.isEmpty }
  /// The time of the earliest item, if any.
  public var nextTime: SimInstant? { heap.first.map { SimInstant(microseconds: $0.time) } }

  /// Schedules `payload` at `time`.
  public mutating func schedule(_ payload: Payload, at time: SimInstant) {
    let slot: Int
    if let free = freeSlots.popLast() {
      slot = free
      payloads[slot] = payload
    } else {
      slot = payloads.count
      payloads.append(payload)
    }
    heap.append(Entry(time: time.microseconds, sequence: nextSequence, slot: slot))
    nextSequence &+= 1
    siftUp(from: heap.count - 1)
  }

  /// Removes and returns the earliest item.
  public mutating func popNext() -> (time: SimInstant, payload: Payload)? {
    guard !heap.isEmpty else { return nil }
    let top = heap[0]
    let last = heap.removeLast()
    if !heap.isEmpty {
      heap[0] = last
      siftDown(from: 0)
    }
    freeSlots.append(top.slot)
    return (SimInstant(microseconds: top.time), payloads[top.slot].take()!)
  }

  mutating func siftUp(from start: Int) {
    heap.withUnsafeMutableBufferPointer { heap in
      var child = start
      let item = heap[child]
      while child > 0 {
        let parent = (child - 1) >> 2
        guard item.precedes(heap[parent]) else { break }
        heap[child] = heap[parent]
        child = parent
      }
      heap[child] = item
    }
  }

  /// Floyd's bottom-up sift: the hole left at `start` goes down to a leaf along the smallest
  /// children (three comparisons a level in a small tournament, none against the item), then the
  /// item climbs back from there; the item popped into the root is a leaf's, so it rarely climbs
  /// far.
  mutating func siftDown(from start: Int) {
    heap.withUnsafeMutableBufferPointer { heap in
      let item = heap[start]
      let count = heap.count
      var hole = start
      while true {
        let first = 4 * hole + 1
        guard first < count else { break }
        var smallest = first
        if first + 3 < count {
          let left = heap[first + 1].precedes(heap[first]) ? first + 1 : first
          let right = heap[first + 3].precedes(heap[first + 2]) ? first + 3 : first + 2
          smallest = heap[right].precedes(heap[left]) ? right : left
        } else {
          for child in (first + 1)..<count where heap[child].precedes(heap[smallest]) { smallest = child }
        }
        heap[hole] = heap[smallest]
        hole = smallest
      }
      while hole > start {
        let parent = (hole - 1) >> 2
        guard item.precedes(heap[parent]) else { break }
        heap[hole] = heap[parent]
        hole = parent
      }
      heap[hole] = item
    }
  }
}

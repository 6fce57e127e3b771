/// A binary min-heap of scheduled items ordered by (time, sequence number).
///
/// The sequence number is assigned on insertion, so two items due at the same instant come out in
/// the order they were scheduled: the order never depends on hashing or memory addresses.
public struct EventQueue<Payload> {
  struct Entry {
    var time: SimInstant
    var sequence: UInt64
    var payload: Payload

    func precedes(_ other: Entry) -> Bool {
      time.microseconds != other.time.microseconds
        ? time.microseconds < other.time.microseconds : sequence < other.sequence
    }
  }

  var heap: [Entry] = []
  var nextSequence: UInt64 = 0

  /// Creates an empty queue.
  public init() {}

  /// The number of items waiting.
  public var count: Int { heap.count }
  /// Whether nothing is waiting.
  public var isEmpty: Bool { heap.isEmpty }
  /// The time of the earliest item, if any.
  public var nextTime: SimInstant? { heap.first?.time }

  /// Schedules `payload` at `time`.
  public mutating func schedule(_ payload: Payload, at time: SimInstant) {
    heap.append(Entry(time: time, sequence: nextSequence, payload: payload))
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
    return (top.time, top.payload)
  }

  mutating func siftUp(from start: Int) {
    var child = start
    let item = heap[child]
    while child > 0 {
      let parent = (child - 1) / 2
      guard item.precedes(heap[parent]) else { break }
      heap[child] = heap[parent]
      child = parent
    }
    heap[child] = item
  }

  mutating func siftDown(from start: Int) {
    var parent = start
    let item = heap[parent]
    let count = heap.count
    while true {
      let left = 2 * parent + 1
      guard left < count else { break }
      let right = left + 1
      let smaller = right < count && heap[right].precedes(heap[left]) ? right : left
      guard heap[smaller].precedes(item) else { break }
      heap[parent] = heap[smaller]
      parent = smaller
    }
    heap[parent] = item
  }
}

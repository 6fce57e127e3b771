/// One of an `EventQueue`'s lanes: a ring of keys taken first in, first out, whose times never
/// decrease (it accepts a key only when it is due no earlier than its last), so its first is its
/// earliest. It owns its buffer; the queue deallocates it.
struct EventLane {
  private var ring: UnsafeMutablePointer<EventKey>
  /// Room in `ring`, a power of two.
  private var capacity = 8
  private var head = 0
  private(set) var count = 0
  /// The time of the last key appended.
  private var lastTime = Int64.min

  init() { ring = .allocate(capacity: capacity) }

  /// Whether a key due at `time` keeps the lane in order: it is empty, or its last is not later.
  @inline(__always)
  func accepts(_ time: Int64) -> Bool { count == 0 || time >= lastTime }

  /// Appends `key`, which `accepts` its time; returns whether it is the lane's only key.
  @inline(__always)
  mutating func append(_ key: EventKey) -> Bool {
    if count == capacity { grow() }
    ring[(head &+ count) & (capacity &- 1)] = key
    count &+= 1
    lastTime = key.time
    return count == 1
  }

  /// Drops its first key (it has one); returns its new first, or `EventKey.none` when empty.
  @inline(__always)
  mutating func dropFirst() -> EventKey {
    head = (head &+ 1) & (capacity &- 1)
    count &-= 1
    return count == 0 ? .none : ring[head]
  }

  /// Removes and returns its first key, if any.
  mutating func removeFirst() -> EventKey? {
    guard count > 0 else { return nil }
    let key = ring[head]
    _ = dropFirst()
    return key
  }

  /// Calls `body` with each of its keys, first to last.
  func forEachKey(_ body: (EventKey) -> Void) {
    for index in 0..<count { body(ring[(head &+ index) & (capacity &- 1)]) }
  }

  /// Frees its buffer; the lane is not used after.
  func deallocate() { ring.deallocate() }

  /// Doubles the ring, its keys moved to the start in order.
  private mutating func grow() {
    let larger = UnsafeMutablePointer<EventKey>.allocate(capacity: capacity * 2)
    for index in 0..<count { larger[index] = ring[(head + index) & (capacity - 1)] }
    ring.deallocate()
    ring = larger
    head = 0
    capacity *= 2
  }
}

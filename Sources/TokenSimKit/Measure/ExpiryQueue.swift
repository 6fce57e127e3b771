/// The sessions' refresh token expiries, earliest first: a binary min-heap of one entry a session
/// (`CredentialHealth` adds one only when its session has none queued, and puts back at the
/// session's current expiry an entry that came due before it, so the heap follows the sessions,
/// not the tokens ever issued).
struct ExpiryQueue {
  private var heap: [(at: SimInstant, family: Int)] = []

  /// The earliest expiry, if any.
  var earliest: SimInstant? { heap.first?.at }

  /// Adds `family`'s expiry at `at`.
  mutating func add(_ family: Int, at: SimInstant) {
    heap.append((at, family))
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[child].at < heap[parent].at else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  /// Removes and returns the earliest entry.
  mutating func popEarliest() -> (at: SimInstant, family: Int)? {
    guard !heap.isEmpty else { return nil }
    heap.swapAt(0, heap.count - 1)
    let top = heap.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < heap.count, heap[left].at < heap[smallest].at { smallest = left }
      if right < heap.count, heap[right].at < heap[smallest].at { smallest = right }
      guard smallest != parent else { return top }
      heap.swapAt(parent, smallest)
      parent = smallest
    }
  }
}

import TokenSimKit

/// Something the live server does at an instant of server time.
enum TimerAction: Equatable {
  /// The model's service of a token request ends (`AuthorizationServer.finishService`).
  case serviceDue(request: Int)
  /// The answer waiting on a connection (a token reply or reset, an API answer) goes out.
  case deliver(connection: Int)
  /// A fault rule's window opens or closes (a trace mark).
  case faultWindow(rule: Int, open: Bool)
  /// The scenario's security event `index` happens.
  case securityEvent(index: Int)
}

/// The poll loop's timers, by server time: a binary heap of (instant, sequence), so that timers
/// due at one instant fire in the order they were set, as in the simulator's event queue.
struct TimerQueue {
  private var heap: [(at: SimInstant, sequence: Int, action: TimerAction)] = []
  private var sequence = 0

  /// How many timers are set.
  var count: Int { heap.count }

  /// When the earliest timer is due.
  var next: SimInstant? { heap.first?.at }

  /// Sets `action` for `at`.
  mutating func schedule(_ action: TimerAction, at: SimInstant) {
    heap.append((at, sequence, action))
    sequence += 1
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard earlier(child, than: parent) else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  /// Removes and returns the earliest timer when it is due by `now`.
  mutating func popDue(now: SimInstant) -> TimerAction? {
    guard let first = heap.first, first.at <= now else { return nil }
    heap.swapAt(0, heap.count - 1)
    heap.removeLast()
    var parent = 0
    while true {
      let (left, right) = (2 * parent + 1, 2 * parent + 2)
      var smallest = parent
      if left < heap.count, earlier(left, than: smallest) { smallest = left }
      if right < heap.count, earlier(right, than: smallest) { smallest = right }
      guard smallest != parent else { break }
      heap.swapAt(parent, smallest)
      parent = smallest
    }
    return first.action
  }

  private func earlier(_ a: Int, than b: Int) -> Bool {
    (heap[a].at, heap[a].sequence) < (heap[b].at, heap[b].sequence)
  }
}

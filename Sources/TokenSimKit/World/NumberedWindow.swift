/// Values under increasing numbers, added in that order and removed in any order: the world's API
/// calls in flight, numbered 1, 2, 3, … as they are made. Each call ends within its timeout (or,
/// when its host is suspended before it, when the host resumes and the timeout fires), so those
/// in flight lie in a window of numbers, from the oldest still in flight to the newest: short but
/// for a call that hangs on a host suspended for long. Such a straggler would hold the window
/// open, a slot for every call the fleet makes meanwhile; once the window is more than twice as
/// wide as the values in it (and 64 slots more), the oldest values move to a side table
/// (`stragglers`), so memory follows the values present, never the numbers between them.
/// The window is kept in a ring, a number's slot at a fixed distance from the oldest's: finding,
/// adding and removing are O(1) (amortized), with no search, no hashing and no copy-on-write
/// check. Memory follows the window, not how many numbers were ever added.
///
/// A class, so that the world holds it as a constant and changes it where it is: every API call
/// goes through it twice, and a value type's ring would be checked for uniqueness at each change
/// (or, with storage of its own, could not be read by a test's `#expect`).
final class NumberedWindow<Value> {
  /// The ring: a window's slot holds a value, initialized, while `present` says so. Values are
  /// kept bare, not as optionals: a removal moves the value out and clears a flag, where writing
  /// an optional's nil stored a whole empty value (an API call's state is 73 bytes).
  private var ring: UnsafeMutablePointer<Value>
  /// Per ring slot, whether it holds a value.
  private var present: UnsafeMutablePointer<Bool>
  /// Room in `ring`, a power of two.
  private var capacity = 16
  /// The ring index of the window's first slot.
  private var head = 0
  /// The number of the window's first slot (its oldest value's, when the window is not empty).
  private var first = 0
  /// The slots in the window: numbers `first ..< first + span`.
  private var span = 0
  /// Values moved out of the ring's way because they stayed long while later numbers came and
  /// went; empty but for a call hanging on a suspended host.
  private var stragglers: [Int: Value] = [:]
  /// How many values are present in the ring.
  private var inRing = 0
  /// How many values are present, in the ring and among the stragglers.
  var count: Int { inRing + stragglers.count }
  /// How many slots the ring has room for (tests check that it follows the values present).
  var slotsKept: Int { capacity }

  /// An empty window.
  init() {
    ring = .allocate(capacity: 16)
    present = .allocate(capacity: 16)
    present.initialize(repeating: false, count: 16)
  }

  deinit {
    for index in 0..<capacity where present[index] { (ring + index).deinitialize(count: 1) }
    ring.deallocate()
    present.deallocate()
  }

  /// Whether no value is present.
  var isEmpty: Bool { count == 0 }

  /// The value under `number`, if present.
  subscript(number: Int) -> Value? {
    guard let index = presentIndex(of: number) else { return stragglers.isEmpty ? nil : straggler(number) }
    return ring[index]
  }

  /// Whether a value is present under `number`.
  func contains(_ number: Int) -> Bool {
    presentIndex(of: number) != nil || (!stragglers.isEmpty && straggler(number) != nil)
  }

  /// Adds `value` under `number`, which must be larger than every number added before (the
  /// numbers skipped, none for the world's calls, take an empty slot each).
  func append(_ number: Int, _ value: Value) {
    if span == 0 { first = number }
    let offset = number &- first
    precondition(offset >= span, "number \(number) added out of order")
    if offset >= capacity { grow(toHold: offset + 1) }
    let index = index(offset)
    (ring + index).initialize(to: value)
    present[index] = true
    span = offset &+ 1
    inRing &+= 1
    if span > 2 &* inRing &+ 64 { moveStragglersOut() }
  }

  /// Moves the values at the window's head to `stragglers` until it is no wider than the values
  /// in it and 64 slots more: each value moves at most once, each slot is passed once.
  private func moveStragglersOut() {
    while span > inRing &+ 64 {
      if present[head] {
        present[head] = false
        stragglers[first] = (ring + head).move()
        inRing -= 1
      }
      head = (head &+ 1) & (capacity &- 1)
      first += 1
      span -= 1
      dropRemovedAtHead()
    }
  }

  /// The straggler under `number`, if any: out of line, so that the common look-ups stay small.
  @inline(never)
  private func straggler(_ number: Int) -> Value? { stragglers[number] }

  /// Removes the straggler under `number` and returns it, if there was one.
  @inline(never)
  private func removeStraggler(_ number: Int) -> Value? {
    guard !stragglers.isEmpty else { return nil }
    return stragglers.removeValue(forKey: number)
  }

  /// Removes `number` and returns its value, if it was present; the window then starts at the
  /// oldest number still present.
  @discardableResult
  func removeValue(forKey number: Int) -> Value? {
    guard let index = presentIndex(of: number) else { return removeStraggler(number) }
    present[index] = false
    inRing &-= 1
    if index == head { dropRemovedAtHead() }
    return (ring + index).move()
  }

  /// The ring index of `number`'s slot, if it is in the window and holds a value.
  @inline(__always)
  private func presentIndex(of number: Int) -> Int? {
    let offset = number &- first
    guard offset >= 0 && offset < span else { return nil }
    let index = index(offset)
    return present[index] ? index : nil
  }

  /// The ring index of the slot `offset` from the window's first.
  @inline(__always)
  private func index(_ offset: Int) -> Int { (head &+ offset) & (capacity &- 1) }

  /// Moves the window's start past the empty slots at its head (each slot is passed once).
  @inline(__always)
  private func dropRemovedAtHead() {
    while span > 0, !present[head] {
      head = (head &+ 1) & (capacity &- 1)
      first &+= 1
      span &-= 1
    }
  }

  /// Doubles the ring until it has room for `slots`, the window moved to its start in order.
  private func grow(toHold slots: Int) {
    var larger = capacity * 2
    while larger < slots { larger *= 2 }
    let ring = UnsafeMutablePointer<Value>.allocate(capacity: larger)
    let present = UnsafeMutablePointer<Bool>.allocate(capacity: larger)
    present.initialize(repeating: false, count: larger)
    for offset in 0..<span where self.present[index(offset)] {
      (ring + offset).moveInitialize(from: self.ring + index(offset), count: 1)
      present[offset] = true
    }
    self.ring.deallocate()
    self.present.deallocate()
    self.ring = ring
    self.present = present
    head = 0
    capacity = larger
  }
}

/// Large payloads of events in flight (a token reply, a store read's result, the contents a store
/// write leaves, an IPC message), each in a numbered slot that its event or request names: stored
/// and taken out in O(1), with no search, and a slot is reused once its payload is out. The
/// events themselves carry only the slot number, so `WorldEvent` stays small plain data that the
/// event queue moves in a few words on every schedule and every pop.
///
/// It owns its storage and cannot be copied, as `EventQueue` does: a store and a take in arrays
/// of optionals cost about 170 instructions (uniqueness checks, optional payloads, outlined
/// copies), several times the move itself.
struct PayloadSlots<Payload>: ~Copyable {
  /// Payloads by slot: slot `index` below `used` is initialized while `isFull[index]`.
  private var payloads: UnsafeMutablePointer<Payload>
  private var isFull: UnsafeMutablePointer<Bool>
  /// Slots below `used` whose payload is out, the last freed on top, to be used first.
  private var free: UnsafeMutablePointer<Int>
  private var freeCount = 0
  private var used = 0
  /// Room in each of the three buffers.
  private var capacity = 4

  init() {
    payloads = .allocate(capacity: capacity)
    isFull = .allocate(capacity: capacity)
    free = .allocate(capacity: capacity)
  }

  deinit {
    for slot in 0..<used where isFull[slot] { (payloads + slot).deinitialize(count: 1) }
    payloads.deallocate()
    isFull.deallocate()
    free.deallocate()
  }

  /// How many payloads are in flight.
  var count: Int { used - freeCount }

  /// Keeps `payload` and returns its slot.
  mutating func store(_ payload: consuming Payload) -> Int {
    let slot: Int
    if freeCount > 0 {
      freeCount -= 1
      slot = free[freeCount]
    } else {
      if used == capacity { grow() }
      slot = used
      used += 1
    }
    (payloads + slot).initialize(to: payload)
    isFull[slot] = true
    return slot
  }

  /// Takes the payload out of `slot`, which is freed.
  mutating func take(_ slot: Int) -> Payload {
    precondition(slot >= 0 && slot < used && isFull[slot], "payload slot \(slot) taken while empty")
    isFull[slot] = false
    free[freeCount] = slot
    freeCount += 1
    return (payloads + slot).move()
  }

  /// Drops the payload in `slot` (nobody will take it: its process is gone, its client gave up),
  /// freeing the slot.
  mutating func discard(_ slot: Int) { _ = take(slot) }

  /// Doubles the room of the three buffers (only when every slot is in use).
  private mutating func grow() {
    let larger = capacity * 2
    let newPayloads = UnsafeMutablePointer<Payload>.allocate(capacity: larger)
    newPayloads.moveInitialize(from: payloads, count: used)
    payloads.deallocate()
    payloads = newPayloads
    let newFull = UnsafeMutablePointer<Bool>.allocate(capacity: larger)
    newFull.moveInitialize(from: isFull, count: used)
    isFull.deallocate()
    isFull = newFull
    free.deallocate()
    free = .allocate(capacity: larger)
    capacity = larger
  }
}

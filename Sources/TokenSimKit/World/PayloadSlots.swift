/// Large payloads of events in flight (a token reply, a store read's result, the contents a store
/// write leaves, an IPC message), each in a numbered slot that its event or request names: stored
/// and taken out in O(1), with no search, and a slot is reused once its payload is out. The
/// events themselves carry only the slot number, so `WorldEvent` stays small plain data that the
/// event queue moves in a few words on every schedule and every pop.
struct PayloadSlots<Payload> {
  private var slots: [Payload?] = []
  /// The slots whose payload is out, to be used first.
  private var free: [Int] = []

  /// How many payloads are in flight.
  var count: Int { slots.count - free.count }

  /// Keeps `payload` and returns its slot.
  mutating func store(_ payload: consuming Payload) -> Int {
    guard let slot = free.popLast() else {
      slots.append(payload)
      return slots.count - 1
    }
    slots[slot] = payload
    return slot
  }

  /// Takes the payload out of `slot`, which is freed.
  mutating func take(_ slot: Int) -> Payload {
    guard let payload = slots[slot].take() else { preconditionFailure("payload slot \(slot) taken while empty") }
    free.append(slot)
    return payload
  }

  /// Drops the payload in `slot` (nobody will take it: its process is gone, its client gave up),
  /// freeing the slot.
  mutating func discard(_ slot: Int) { _ = take(slot) }
}

/// The replies on their way to their clients, each in a numbered slot that its request's state
/// names: stored and taken out in O(1), with no search and no copy of the reply (the line of
/// request states stays plain data), and a slot is reused once its reply is out.
struct TokenReplySlots {
  private var slots: [TokenEndpointReply?] = []
  /// The slots whose reply is out, to be used first.
  private var free: [Int] = []

  /// How many replies are in transit.
  var count: Int { slots.count - free.count }

  /// Keeps `reply` and returns its slot.
  mutating func store(_ reply: consuming TokenEndpointReply) -> Int {
    guard let slot = free.popLast() else {
      slots.append(reply)
      return slots.count - 1
    }
    slots[slot] = reply
    return slot
  }

  /// Takes the reply out of `slot`, which is freed.
  mutating func take(_ slot: Int) -> TokenEndpointReply {
    guard let reply = slots[slot].take() else { preconditionFailure("token reply slot \(slot) taken while empty") }
    free.append(slot)
    return reply
  }

  /// Drops the reply in `slot` (its client gave up), freeing the slot.
  mutating func discard(_ slot: Int) { _ = take(slot) }
}

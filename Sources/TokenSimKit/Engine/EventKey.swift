/// What `EventQueue` orders an item by: when it is due, and in what order it was scheduled; the
/// low `slotBits` of `order` name the slot its payload waits in.
struct EventKey {
  /// The low bits of `order` hold the slot, the high bits the sequence number.
  static var slotBits: UInt64 { 32 }
  static var slotMask: UInt64 { (1 << slotBits) - 1 }

  /// No item: it precedes nothing, and every key precedes it (a queue holds fewer than 2^31 items,
  /// so no item's slot, and so no item's `order`, is all ones).
  static let none = EventKey(time: .max, order: .max)

  /// Whether it is `none`.
  @inline(__always)
  var isNone: Bool { order == .max }

  /// When it is due, in microseconds.
  var time: Int64
  /// Its sequence number, shifted above its slot.
  var order: UInt64

  /// The key of the item numbered `sequence` whose payload waits in `slot`, due at `time`.
  @inline(__always)
  init(time: Int64, sequence: UInt64, slot: Int) {
    self.time = time
    order = sequence << Self.slotBits | UInt64(slot)
  }

  /// A key as stored (`none`).
  private init(time: Int64, order: UInt64) {
    self.time = time
    self.order = order
  }

  /// Whether it comes out before `other`: earlier, or as early and scheduled first.
  @inline(__always)
  func precedes(_ other: EventKey) -> Bool {
    time < other.time || (time == other.time && order < other.order)
  }

  /// The slot its payload waits in.
  @inline(__always)
  var slot: Int { Int(truncatingIfNeeded: order & Self.slotMask) }
}

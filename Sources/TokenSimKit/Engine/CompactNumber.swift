/// An optional integer in eight bytes instead of sixteen: nil is kept as `Int.min`, which no
/// ticket, count or number of the model reaches. For fields of the per-process record, where an
/// `Int?`'s tag byte pads to eight.
@propertyWrapper
struct CompactNumber {
  private var raw: Int

  init(wrappedValue: Int?) {
    raw = Self.encode(wrappedValue)
  }

  var wrappedValue: Int? {
    get { raw == .min ? nil : raw }
    set { raw = Self.encode(newValue) }
  }

  private static func encode(_ value: Int?) -> Int {
    guard let value else { return .min }
    precondition(value != .min, "Int.min cannot be kept as a compact number")
    return value
  }
}

/// An optional instant in eight bytes instead of sixteen: nil is kept as `Int64.min`
/// microseconds, which no run reaches (its clock starts at 0 and saturates at `Int64.max`).
/// For records kept once per worker or process, where a `SimInstant?`'s tag byte pads to eight.
@propertyWrapper
struct CompactInstant {
  private var microseconds: Int64

  init(wrappedValue: SimInstant?) {
    microseconds = Self.encode(wrappedValue)
  }

  var wrappedValue: SimInstant? {
    get { microseconds == .min ? nil : SimInstant(microseconds: microseconds) }
    set { microseconds = Self.encode(newValue) }
  }

  private static func encode(_ instant: SimInstant?) -> Int64 {
    guard let instant else { return .min }
    precondition(instant.microseconds != .min, "an instant of Int64.min microseconds cannot be kept compact")
    return instant.microseconds
  }
}

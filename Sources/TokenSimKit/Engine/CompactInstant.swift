/// An optional instant in eight bytes instead of sixteen: a `CompactNumber` of microseconds, whose
/// nil (`Int.min`) no run reaches (its clock starts at 0 and saturates at `Int64.max`). For
/// records kept once per worker or process, where a `SimInstant?`'s tag byte pads to eight.
@propertyWrapper
struct CompactInstant {
  @CompactNumber private var microseconds: Int?

  init(wrappedValue: SimInstant?) {
    microseconds = wrappedValue.map { Int($0.microseconds) }
  }

  var wrappedValue: SimInstant? {
    get { microseconds.map { SimInstant(microseconds: Int64($0)) } }
    set { microseconds = newValue.map { Int($0.microseconds) } }
  }
}

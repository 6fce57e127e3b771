/// A map for the few entries a process holds at once (its open asks, its armed timers): kept in
/// insertion order in one array and searched linearly, which for a handful of entries is cheaper
/// than hashing.
struct SmallMap<Key: Equatable, Value> {
  private var entries: [(key: Key, value: Value)] = []

  /// An empty map.
  init() {}

  /// The value for `key`; setting nil removes it.
  subscript(key: Key) -> Value? {
    get { entries.first { $0.key == key }?.value }
    set {
      let index = entries.firstIndex { $0.key == key }
      switch (index, newValue) {
      case (let index?, let value?): entries[index].value = value
      case (let index?, nil): entries.remove(at: index)
      case (nil, let value?): entries.append((key, value))
      case (nil, nil): break
      }
    }
  }

  /// The value for `key`, or `defaultValue` (which a mutation stores).
  subscript(key: Key, default defaultValue: @autoclosure () -> Value) -> Value {
    get { self[key] ?? defaultValue() }
    set { self[key] = newValue }
  }

  /// Removes `key` and returns its value, if it had one.
  mutating func removeValue(forKey key: Key) -> Value? {
    guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
    return entries.remove(at: index).value
  }

  /// The values in insertion order.
  var values: [Value] { entries.map(\.value) }
}

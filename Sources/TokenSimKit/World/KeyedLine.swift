/// Entries with increasing integer keys, added at the back and removed from anywhere: a line
/// whose members leave out of turn (the lock's waiters by ticket, a process's open asks and work
/// items by number). A key is looked for first where it would be if the keys from the first
/// entry's on were consecutive (as the callers' increasing numbers mostly are), then by binary
/// search; a removed entry is only marked (the first entry's removal moves the head past it and
/// the marks behind it), and the marks are swept out once they outnumber the entries kept (plus a
/// small slack). Every operation is O(log n) or amortized O(1), memory stays within four times
/// the entries present (plus the slack), and iteration is in key order: what a dictionary sorted
/// by key would give, without hashing or sorting.
struct KeyedLine<Value> {
  private struct Entry {
    let key: Int
    var value: Value?
  }

  private var entries: [Entry] = []
  // The positions and counts are stored in 32 bits: every process holds several lines, and a
  // line of 2^31 entries (32 GiB) is far beyond the memory limit. The line is 24 bytes, not 40.
  private var storedHead: Int32 = 0
  private var storedRemoved: Int32 = 0
  private var storedCount: Int32 = 0
  private var storedVisited: UInt32 = 0

  /// Entries before `head` are gone; entries after it with a nil value are removed.
  private var head: Int {
    get { Int(storedHead) }
    set { storedHead = Int32(newValue) }
  }
  private var removed: Int {
    get { Int(storedRemoved) }
    set { storedRemoved = Int32(newValue) }
  }
  /// How many entries are present.
  private(set) var count: Int {
    get { Int(storedCount) }
    set { storedCount = Int32(newValue) }
  }
  /// Entries looked at by the mutating operations (binary-search probes, marks skipped, entries
  /// moved by a sweep), modulo 2^32: lets a test bound the work per operation without timing it.
  private(set) var visited: Int {
    get { Int(storedVisited) }
    set { storedVisited = UInt32(truncatingIfNeeded: newValue) }
  }

  /// An empty line.
  init() {}

  /// Whether no entry is present.
  var isEmpty: Bool { count == 0 }

  /// The value for `key`, if present. Setting a present key replaces its value and setting nil
  /// removes it; setting a new key adds it (at the back when it is the largest, as the callers'
  /// increasing numbers always are; elsewhere by an O(n) insertion that keeps the order).
  subscript(key: Int) -> Value? {
    get { find(key).flatMap { entries[$0].value } }
    set {
      guard let newValue else {
        _ = removeValue(forKey: key)
        return
      }
      if lastKey.map({ $0 < key }) ?? true {
        append(key, newValue)
      } else if let index = locate(key), entries[index].key == key {
        if entries[index].value == nil { (count, removed) = (count + 1, removed - 1) }
        entries[index].value = newValue
      } else {
        insertOutOfOrder(key, newValue)
      }
    }
  }

  /// The value for `key`, or `defaultValue` (which a mutation stores).
  subscript(key: Int, default defaultValue: @autoclosure () -> Value) -> Value {
    get { self[key] ?? defaultValue() }
    set { self[key] = newValue }
  }

  /// Whether `key` is present: O(1), with no search, when no larger key was added after it (a
  /// process's newest ask, just handed to its strategy).
  func contains(_ key: Int) -> Bool {
    guard let lastKey, lastKey >= key else { return false }
    guard lastKey > key else { return entries[entries.count - 1].value != nil }
    return find(key).map { entries[$0].value != nil } ?? false
  }

  /// Adds `value` under `key`, which must be larger than every key added before.
  mutating func append(_ key: Int, _ value: Value) {
    precondition(lastKey.map { $0 < key } ?? true, "key \(key) added out of order")
    entries.append(Entry(key: key, value: value))
    count += 1
  }

  /// Changes the value for `key` where it is, if present (`line[key]?.field = …` would copy the
  /// value out and back and search twice); returns whether it was present.
  @discardableResult
  mutating func update(_ key: Int, _ change: (inout Value) -> Void) -> Bool {
    guard let index = locate(key), entries[index].key == key, entries[index].value != nil else { return false }
    change(&entries[index].value!)
    return true
  }

  /// The largest key added, read in place (`entries.last` copies the whole entry, value and all).
  private var lastKey: Int? { entries.isEmpty ? nil : entries[entries.count - 1].key }

  /// Removes `key` and returns its value, if it was present.
  @discardableResult
  mutating func removeValue(forKey key: Int) -> Value? {
    guard let index = locate(key), entries[index].key == key, let value = entries[index].value else { return nil }
    guard count > 1 else {
      removeAll()
      return value
    }
    entries[index].value = nil
    (count, removed) = (count - 1, removed + 1)
    if index == head { skipRemovedAtHead() }
    // At least one entry is left, so the line is not cleared; the test is made here, and the
    // sweep (rare) called only when due.
    if isWasteful { sweep() }
    return value
  }

  /// The entry with the smallest key, if any.
  var first: (key: Int, value: Value)? {
    var index = head
    while index < entries.count {
      if let value = entries[index].value { return (entries[index].key, value) }
      index += 1
    }
    return nil
  }

  /// Removes and returns the entry with the smallest key, if any.
  mutating func removeFirst() -> (key: Int, value: Value)? {
    while head < entries.count {
      visited += 1
      let entry = entries[head]
      head += 1
      guard let value = entry.value else {
        removed -= 1
        continue
      }
      count -= 1
      sweepIfWasteful()
      return (entry.key, value)
    }
    return nil
  }

  /// Removes and returns the entry with the smallest key when `condition` holds for it (amortized
  /// O(1): the removed entries skipped on the way are gone for good, as in `removeFirst`).
  mutating func removeFirst(if condition: (Value) -> Bool) -> (key: Int, value: Value)? {
    skipRemovedAtHead()
    guard head < entries.count, let value = entries[head].value, condition(value) else { return nil }
    return removeFirst()
  }

  /// Calls `body` with each key present, in key order (no array is built).
  func forEachKey(_ body: (Int) -> Void) { forEachEntry { key, _ in body(key) } }

  /// Calls `body` with each entry present, in key order (no array is built).
  func forEachEntry(_ body: (_ key: Int, _ value: Value) -> Void) {
    for index in head..<entries.count {
      if let value = entries[index].value { body(entries[index].key, value) }
    }
  }

  /// How many values present satisfy `condition` (no array is built: the invariant checks of
  /// debug builds count token requests after every event).
  func count(where condition: (Value) -> Bool) -> Int {
    var found = 0
    forEachEntry { _, value in if condition(value) { found += 1 } }
    return found
  }

  /// Removes every entry, keeping the storage for the entries to come. One at a time from the
  /// end: a line is usually cleared with one or two entries in it, and `Array`'s
  /// `removeAll(keepingCapacity:)` (a general `replaceSubrange`) costs several times as much.
  mutating func removeAll() {
    while !entries.isEmpty { entries.removeLast() }
    (head, removed, count) = (0, 0, 0)
  }

  /// The entries present, in key order.
  var elements: [(key: Int, value: Value)] {
    entries[head...].compactMap { entry in entry.value.map { (entry.key, $0) } }
  }

  /// The values present, in key order.
  var values: [Value] { entries[head...].compactMap(\.value) }

  /// Calls `body` with each value present, in key order, without building an array.
  func forEachValue(_ body: (Value) -> Void) { forEachEntry { _, value in body(value) } }

  /// The index of `key` if it is in the line, present or removed.
  private func find(_ key: Int) -> Int? {
    let index = position(of: key).index
    return index < entries.count && entries[index].key == key ? index : nil
  }

  /// The index of the first entry from the head on whose key is not below `key`, if any,
  /// counting the entries looked at.
  @inline(__always)
  private mutating func locate(_ key: Int) -> Int? {
    let (index, probes) = position(of: key)
    visited += probes
    return index < entries.count ? index : nil
  }

  /// Where `key` is or would go among the entries from the head on, and how many entries were
  /// looked at. The first look is where `key` would be if no key were missing between the head's
  /// and it; keys are distinct integers, so it is never before where `key` is, and the binary
  /// search that follows a miss looks no further. The first look is inlined where a line is
  /// used (it is what finds a call, an ask, a request); the search is not.
  @inline(__always)
  private func position(of key: Int) -> (index: Int, probes: Int) {
    let (low, high) = (head, entries.count)
    guard low < high else { return (low, 0) }
    let offset = key &- entries[low].key
    guard offset >= 0, offset < high - low else { return search(key, from: low, below: high) }
    let guess = low + offset
    return entries[guess].key == key ? (guess, 1) : search(key, from: low, below: guess + 1)
  }

  /// The binary search of `position(of:)` among the entries from `low` to `high` (excluded),
  /// after its first look: the probes count that look.
  private func search(_ key: Int, from low: Int, below high: Int) -> (index: Int, probes: Int) {
    var (low, high, probes) = (low, high, 1)
    while low < high {
      probes += 1
      let middle = (low + high) / 2
      if entries[middle].key < key { low = middle + 1 } else { high = middle }
    }
    return (low, probes)
  }

  /// Moves the head past the removed entries at the front: they are gone, not marks to sweep.
  private mutating func skipRemovedAtHead() {
    while head < entries.count, entries[head].value == nil {
      visited += 1
      (head, removed) = (head + 1, removed - 1)
    }
  }

  private mutating func insertOutOfOrder(_ key: Int, _ value: Value) {
    let index = locate(key) ?? entries.count
    entries.insert(Entry(key: key, value: value), at: index)
    visited += entries.count - index
    count += 1
  }

  /// Moves the present entries to the front, in order, and drops the rest, keeping the buffer.
  private mutating func compactInPlace() {
    var kept = 0
    for index in head..<entries.count where entries[index].value != nil {
      if kept != index { entries[kept] = entries[index] }
      kept += 1
    }
    entries.removeLast(entries.count - kept)
  }

  /// Drops the gone and removed entries once they outnumber the present ones (plus a slack of
  /// 16): the sweep moves at most twice as many entries as were removed since the last one, in
  /// place, or into a buffer of their size when the old one is more than four times what the
  /// line needs (shrinking at twice would reallocate every few sweeps of a line that breathes).
  /// A line left empty is cleared at once, keeping its buffer: a process's asks and open requests
  /// are usually one at a time, and each line stays the size of one instead of the slack's.
  ///
  /// A new buffer is made with room for twice the entries kept (plus the slack): one of exactly
  /// their size was outgrown again by the next appends, and a line whose buffer had once grown
  /// large (the API calls of a burst) reallocated at every sweep, then again as it refilled.
  private mutating func sweepIfWasteful() {
    if count == 0 {
      removeAll()
      return
    }
    if isWasteful { sweep() }
  }

  /// Whether the gone and removed entries outnumber the present ones (plus the slack).
  private var isWasteful: Bool { head + removed > count + 16 }

  /// Drops the gone and removed entries (`sweepIfWasteful`).
  private mutating func sweep() {
    visited += entries.count - head
    if entries.capacity > 4 * (count + 16) {
      var kept: [Entry] = []
      kept.reserveCapacity(2 * (count + 16))
      for index in head..<entries.count where entries[index].value != nil { kept.append(entries[index]) }
      entries = kept
    } else {
      compactInPlace()
    }
    (head, removed) = (0, 0)
  }
}

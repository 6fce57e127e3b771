/// Worker names and their numbers, 0, 1, 2, … in order of first appearance, found from a
/// process's name in place: a CLI invocation `host/tool#12` belongs to worker `host/tool` (the
/// base of its `NumberedName`), any other process is a worker of its own. Every CLI start looks its worker up, so the lookup hashes
/// the name's bytes (FNV-1a) where they are, in an open-addressed table of worker numbers, rather
/// than build the worker's name as a string and hash it with `Hasher`.
struct WorkerNames {
  /// Worker names, indexed by worker number.
  private(set) var names: [String] = []
  /// Worker numbers, -1 for an empty slot; a power of two long, at most half full.
  private var slots = [Int32](repeating: -1, count: 64)

  /// The number of the worker of process `name` (of `role`), and whether the worker is new.
  mutating func worker(of name: String, role: ProcessRole) -> (number: Int, isNew: Bool) {
    var name = name
    return name.withUTF8 { bytes in
      let length = role == .cli ? NumberedName.parse(bytes)?.baseLength ?? bytes.count : bytes.count
      let key = UnsafeBufferPointer(rebasing: bytes[..<length])
      let hash = Self.hash(key)
      var slot = hash & (slots.count - 1)
      while slots[slot] >= 0 {
        let number = Int(slots[slot])
        if Self.equal(names[number], key) { return (number, false) }
        slot = (slot + 1) & (slots.count - 1)
      }
      names.append(String(decoding: key, as: UTF8.self))
      slots[slot] = Int32(names.count - 1)
      if names.count * 2 > slots.count { grow() }
      return (names.count - 1, true)
    }
  }

  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    Int(truncatingIfNeeded: RandomStream.stableHash(bytes) >> 1)
  }

  private static func equal(_ name: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var name = name
    return name.withUTF8 { stored in
      // A plain loop: `elementsEqual` goes through iterators, several times slower.
      guard stored.count == bytes.count else { return false }
      for index in stored.indices where stored[index] != bytes[index] { return false }
      return true
    }
  }

  /// Doubles the table and places every worker again.
  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    for number in names.indices {
      var name = names[number]
      let hash = name.withUTF8 { Self.hash($0) }
      var slot = hash & (slots.count - 1)
      while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
      slots[slot] = Int32(number)
    }
  }
}

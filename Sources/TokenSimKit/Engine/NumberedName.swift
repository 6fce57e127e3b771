/// A process name that ends in `#` and a number, `<base>#<number>`: how a simulated world names a
/// CLI invocation (`laptop/git-helper#12`, by its process number; its worker is the base) and each
/// instance of a daemon run `count` times (`laptop/sync#2`, a worker of its own). The one place
/// that spells and reads such a name.
///
/// A scenario's host and process names are letters, digits, `-`, `_` and `.`
/// (`JSONReader.name()`), so a simulated name holds one `#` at most. A trace read from elsewhere
/// may hold more (`h/a#b#12`) or none: only the last `#` followed by a number to the end, spelled
/// as `String(number)` spells it, numbers a name, and its base is everything before that `#`.
enum NumberedName {
  private static let separator = UInt8(ascii: "#")

  /// `<base>#<number>` (`number` not negative), written in one pass into one buffer: the sum
  /// `base + "#" + String(number)` builds two strings on the way, and a fleet names a process
  /// this way at every CLI invocation.
  static func spell(_ base: String, _ number: Int) -> String {
    let baseLength = base.utf8.count
    let length = baseLength + 1 + DecimalDigits.count(of: number)
    return String(unsafeUninitializedCapacity: length) { buffer in
      _ = buffer.initialize(fromContentsOf: base.utf8)
      let digits = DecimalDigits.write(number, into: buffer, endingAt: length)
      buffer[digits - 1] = separator
      return length
    }
  }

  /// Where the base of the name `bytes` ends, and its number, when it is numbered.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (baseLength: Int, number: Int)? {
    guard let hash = bytes.lastIndex(of: separator),
      let number = DecimalDigits.value(of: UnsafeBufferPointer(rebasing: bytes[(hash + 1)...]))
    else { return nil }
    return (hash, number)
  }

  /// Where the base of `name` ends (in UTF-8 bytes), and its number, when it is numbered.
  static func parse(_ name: String) -> (baseLength: Int, number: Int)? {
    var name = name
    return name.withUTF8 { parse($0) }
  }

  /// Whether `name` is numbered `number`: read in place, without parsing the number (every CLI
  /// start asks). A name whose bytes are not stored contiguously (never one a simulated world
  /// built) is not looked into, and counts as not numbered.
  static func isNumbered(_ name: String, _ number: Int) -> Bool {
    name.utf8.withContiguousStorageIfAvailable { bytes in
      guard let digits = DecimalDigits.start(of: number, endingAt: bytes.count, in: bytes) else { return false }
      return digits >= 1 && bytes[digits - 1] == separator
    } ?? false
  }

  /// The base of `name`, or all of it when it is not numbered.
  static func base(of name: String) -> Substring {
    guard let (baseLength, _) = parse(name) else { return name[...] }
    return Substring(name.utf8.prefix(baseLength))
  }
}

extension String {
  /// `prefix` followed by the decimal digits of `number` (not negative): what
  /// `prefix + String(number)` spells, written in one pass into one buffer. The sum spells the
  /// number into a string of its own and then grows a copy of the prefix to append it, and a
  /// fleet names a process this way at every CLI invocation.
  init(_ prefix: String, decimal number: Int) {
    precondition(number >= 0, "a decimal suffix is not negative")
    var digits = 1
    var rest = number
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    let prefixLength = prefix.utf8.count
    self.init(unsafeUninitializedCapacity: prefixLength + digits) { buffer in
      _ = buffer.initialize(fromContentsOf: prefix.utf8)
      var rest = number
      for index in (prefixLength..<(prefixLength + digits)).reversed() {
        buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      }
      return prefixLength + digits
    }
  }
}

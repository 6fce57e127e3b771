/// The decimal digits of a number that is not negative, as `String(number)` spells them: counted,
/// walked most significant first (to write a name or hash one without spelling it), and read
/// back. The one place that knows how a number is spelled in a process's name.
enum DecimalDigits {
  /// How many digits `number` (not negative) has.
  static func count(of number: Int) -> Int {
    precondition(number >= 0, "a spelled number is not negative")
    var digits = 1
    var rest = number
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    return digits
  }

  /// Calls `body` with the ASCII byte of each digit of `number` (not negative), most significant
  /// first. The digits are taken from the least significant, by the constant 10 (a
  /// multiplication, where dividing by a power of ten held in a variable is a division), into
  /// `reversed`, which then gives them back most significant first: 19 digits, the most an `Int`
  /// has, fit in a `UInt64`.
  @inline(__always)
  static func forEach(of number: Int, _ body: (UInt8) -> Void) {
    precondition(number >= 0, "a spelled number is not negative")
    var reversed: UInt64 = 0
    var digits = 0
    var rest = UInt64(number)
    repeat {
      reversed = reversed * 10 + rest % 10
      rest /= 10
      digits += 1
    } while rest > 0
    for _ in 0..<digits {
      body(UInt8(ascii: "0") + UInt8(reversed % 10))
      reversed /= 10
    }
  }

  /// Writes the digits of `number` (not negative) into `buffer`, the last just before `end`, and
  /// returns where the first is: from the least significant, with no closure to call per digit.
  static func write(_ number: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, endingAt end: Int) -> Int {
    precondition(number >= 0, "a spelled number is not negative")
    var index = end
    var rest = number
    repeat {
      index -= 1
      buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    } while rest > 0
    return index
  }

  /// Where the digits of `number` start in `bytes` if they end just before `end`, or nil: the
  /// bytes are compared with the digits from the least significant, and `number` is not spelled.
  static func start(of number: Int, endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard number >= 0 else { return nil }
    var index = end
    var rest = number
    repeat {
      index -= 1
      guard index >= 0, bytes[index] == UInt8(ascii: "0") + UInt8(rest % 10) else { return nil }
      rest /= 10
    } while rest > 0
    return index
  }

  /// The number `digits` spell as `String(number)` would (one or more digits, no leading zero
  /// but in `0` itself, within `Int`), or nil.
  static func value(of digits: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = digits.first, first != UInt8(ascii: "0") || digits.count == 1 else { return nil }
    var value = 0
    for byte in digits {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
      let (sum, carry) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
      guard !overflow, !carry else { return nil }
      value = sum
    }
    return value
  }
}

import Foundation

/// A seeded pseudo-random generator (xoshiro256**) that a component owns alone.
///
/// Streams are derived from one root seed and a stable name, so adding a component never shifts
/// the draws of another.
public struct RandomStream: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// Creates the stream named `name` under `rootSeed`.
  public init(rootSeed: UInt64, name: String) {
    self.init(rootSeed: rootSeed, nameHash: RandomStream.stableHash(name))
  }

  /// Creates the stream whose name's `stableHash` is `nameHash`: a run derives the hash of a
  /// name that ends in a number from its prefix's (`stableHashes(decimal:continuing:)`) without
  /// spelling the name.
  init(rootSeed: UInt64, nameHash: UInt64) {
    var mixer = SplitMix64(seed: rootSeed ^ nameHash)
    state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
  }

  /// FNV-1a over the UTF-8 bytes: stable across processes, unlike `Hasher`.
  public static func stableHash(_ text: String) -> UInt64 {
    stableHash(text, continuing: 0xcbf2_9ce4_8422_2325)
  }

  /// `stableHash` of the UTF-8 bytes of a name, read where they lie (no String is built).
  static func stableHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = fnvStep(hash, byte) }
    return hash
  }

  /// `stableHash` of a name that starts with text hashing to `hash` and goes on with `text`.
  static func stableHash(_ text: String, continuing hash: UInt64) -> UInt64 {
    var hash = hash
    for byte in text.utf8 { hash = fnvStep(hash, byte) }
    return hash
  }

  /// `stableHash` of two names that start with text hashing to `hashes.0` and to `hashes.1` and
  /// both end with the decimal digits of `number` (not negative), as `String(number)` spells them
  /// (a process's own stream and its crash stream end with the same number), taking the digits
  /// once.
  static func stableHashes(decimal number: Int, continuing hashes: (UInt64, UInt64)) -> (UInt64, UInt64) {
    var hashes = hashes
    DecimalDigits.forEach(of: number) { digit in hashes = (fnvStep(hashes.0, digit), fnvStep(hashes.1, digit)) }
    return hashes
  }

  @inline(__always)
  private static func fnvStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotl(state.1 &* 5, 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = rotl(state.3, 45)
    return result
  }

  private func rotl(_ value: UInt64, _ count: UInt64) -> UInt64 { (value << count) | (value >> (64 - count)) }

  /// A uniform draw in [0, 1).
  public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// True with probability `probability`.
  public mutating func chance(_ probability: Double) -> Bool {
    probability >= 1 ? true : probability <= 0 ? false : unit() < probability
  }

  /// A uniform whole number in `range`.
  public mutating func integer(in range: ClosedRange<Int64>) -> Int64 {
    let span = UInt64(range.upperBound - range.lowerBound) &+ 1
    return span == 0 ? Int64(bitPattern: next()) : range.lowerBound + Int64(next() % span)
  }

  /// A uniform duration between `lower` and `upper` inclusive, to the microsecond.
  public mutating func duration(between lower: SimDuration, and upper: SimDuration) -> SimDuration {
    SimDuration(microseconds: integer(in: lower.microseconds...max(lower.microseconds, upper.microseconds)))
  }

  /// An exponential draw with the given mean (Poisson inter-arrival times), at most
  /// `SimDuration.saturationLimit`.
  public mutating func exponential(mean: SimDuration) -> SimDuration {
    exponential(meanMicroseconds: Double(mean.microseconds))
  }

  /// The time to the next event of a Poisson process at `perHour` events an hour: an
  /// exponential draw with mean one hour / `perHour` (rounded to the microsecond), at most
  /// `SimDuration.saturationLimit`; a rate of zero or less gives that limit (never, in a run).
  public mutating func exponential(perHour: Double) -> SimDuration {
    guard perHour > 0 else { return SimDuration.saturationLimit }
    return exponential(meanMicroseconds: (3_600_000_000 / perHour).rounded())
  }

  private mutating func exponential(meanMicroseconds mean: Double) -> SimDuration {
    let u = max(unit(), 0x1.0p-53)
    return SimDuration(saturatingMicroseconds: -mean * log(u))
  }

  /// A standard normal draw (Box–Muller).
  public mutating func normal() -> Double {
    let u1 = max(unit(), 0x1.0p-53)
    let u2 = unit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }
}

/// SplitMix64, used only to spread a seed into generator state.
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}

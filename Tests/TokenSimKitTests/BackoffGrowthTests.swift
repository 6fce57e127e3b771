import Testing

@testable import TokenSimKit

/// Backoff delays, drawn directly: exponential doubles from its base up to the cap, and every
/// jittered shape stays within its bounds.
@Suite struct BackoffGrowthTests {
  static let base = SimDuration.seconds(1)
  static let cap = SimDuration.seconds(60)

  func delays(_ kind: Backoff.Kind, failures: ClosedRange<Int> = 1...12, seed: UInt64 = 7) -> [SimDuration] {
    let backoff = Backoff(kind: kind, base: Self.base, cap: Self.cap)
    var random = RandomStream(rootSeed: seed, name: "backoff-test")
    var previous = SimDuration.zero
    return failures.map { failure in
      previous = backoff.delay(afterFailures: failure, previous: previous, random: &random)
      return previous
    }
  }

  @Test func exponentialDoublesFromTheBaseUntilTheCap() {
    #expect(delays(.exponential, failures: 1...9).map(\.microseconds) == [1, 2, 4, 8, 16, 32, 60, 60, 60].map { $0 * 1_000_000 })
  }

  @Test func exponentialNeverOverflowsPastTheCap() {
    #expect(delays(.exponential, failures: 60...64).allSatisfy { $0 == Self.cap })
    let huge = Backoff(kind: .exponential, base: .days(1), cap: .days(3_650))
    var random = RandomStream(rootSeed: 1, name: "b")
    #expect(huge.delay(afterFailures: 1_000, previous: .zero, random: &random) == .days(3_650))
  }

  @Test func noneRetriesAtOnce() {
    #expect(delays(.none).allSatisfy { $0 == .zero })
  }

  @Test(arguments: 1...20 as ClosedRange<UInt64>) func jitteredDelaysStayWithinTheirBounds(seed: UInt64) {
    let exponential = delays(.exponential)
    for (failure, (full, bound)) in zip(delays(.fullJitter, seed: seed), exponential).enumerated() {
      #expect(full >= .zero && full <= bound, "full-jitter after \(failure + 1) failures: \(full) outside 0...\(bound)")
    }
    for (failure, (equal, bound)) in zip(delays(.equalJitter, seed: seed), exponential).enumerated() {
      let half = SimDuration(microseconds: bound.microseconds / 2)
      #expect(equal >= half && equal <= bound, "equal-jitter after \(failure + 1) failures: \(equal) outside \(half)...\(bound)")
    }
    var previous = Self.base
    for decorrelated in delays(.decorrelated, seed: seed) {
      let upper = min(Self.cap, SimDuration(microseconds: previous.microseconds * 3))
      #expect(decorrelated >= Self.base && decorrelated <= upper, "decorrelated \(decorrelated) outside base...\(upper)")
      previous = decorrelated
    }
    #expect(delays(.uniform, seed: seed).allSatisfy { $0 >= Self.base && $0 <= Self.cap })
  }

  @Test func jitterActuallyVaries() {
    #expect(Set(delays(.fullJitter, failures: 7...7, seed: 1) + delays(.fullJitter, failures: 7...7, seed: 2)).count == 2)
    #expect(Set(delays(.uniform)).count > 6)
  }

  @Test func aCapBelowTheBaseIsRaisedToIt() {
    #expect(Backoff(kind: .exponential, base: .seconds(10), cap: .seconds(1)).cap == .seconds(10))
  }
}

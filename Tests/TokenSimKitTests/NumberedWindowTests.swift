import Testing

@testable import TokenSimKit

/// The world's API calls in flight: values under increasing numbers, found at a fixed place.
@Suite struct NumberedWindowTests {
  @Test func valuesAreFoundAndRemovedInAnyOrder() {
    let window = NumberedWindow<String>()
    for number in 1...100 { window.append(number, "v\(number)") }
    #expect(window.count == 100)
    for number in stride(from: 100, through: 1, by: -3) { #expect(window.removeValue(forKey: number) == "v\(number)") }
    #expect(window.removeValue(forKey: 100) == nil, "removed already")
    #expect(window[2] == "v2")
    #expect(window.contains(3) && !window.contains(4))
    #expect(window[101] == nil && window[0] == nil)
    for number in 1...100 { window.removeValue(forKey: number) }
    #expect(window.isEmpty)
    window.append(500, "after a gap")
    #expect(window[500] == "after a gap" && window.count == 1)
  }

  /// A call that hangs on a suspended host stays while the fleet's later calls come and go: the
  /// ring keeps room for the calls present, not for every number since the straggler.
  @Test func aStragglerDoesNotHoldTheWindowOpen() {
    let window = NumberedWindow<Int>()
    window.append(1, -1)
    for number in 2...100_000 {
      window.append(number, number)
      if number > 11 { window.removeValue(forKey: number - 10) }
    }
    #expect(window.count == 11, "the straggler and the last ten")
    #expect(window.slotsKept <= 128, "\(window.slotsKept) slots for 11 values")
    #expect(window[1] == -1 && window.contains(1))
    #expect(window[99_995] == 99_995)
    #expect(window.removeValue(forKey: 1) == -1)
    #expect(!window.contains(1) && window.count == 10)
    for number in 99_991...100_000 { #expect(window.removeValue(forKey: number) == number) }
    #expect(window.isEmpty)
  }

  /// Numbers skipped on the way hold nothing, through the ring's growth and its wrapping round,
  /// and each value left when the window goes is released once.
  @Test func skippedNumbersHoldNothingAndEveryValueIsReleasedOnce() {
    final class Counted {
      static nonisolated(unsafe) var alive = 0
      let number: Int
      init(_ number: Int) {
        self.number = number
        Counted.alive += 1
      }
      deinit { Counted.alive -= 1 }
    }
    do {
      let window = NumberedWindow<Counted>()
      for number in stride(from: 3, through: 3_000, by: 3) {
        window.append(number, Counted(number))
        if number % 6 == 0 { #expect(window.removeValue(forKey: number - 3)?.number == number - 3) }
        #expect(!window.contains(number - 1) && !window.contains(number - 2) && window[number - 1] == nil)
      }
      #expect(window.count == 500 && Counted.alive == 500, "every multiple of 6 stays")
      #expect(window[2_994]?.number == 2_994 && window[2_997] == nil && window[6]?.number == 6)
    }
    #expect(Counted.alive == 0)
  }
}

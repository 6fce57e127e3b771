import Testing

@testable import TokenSimKit

/// A process's waiting calls and open token requests: numbers in increasing order, the smallest
/// inline.
@Suite struct OrderedNumbersTests {
  @Test func numbersComeOutInIncreasingOrderWhateverWasRemoved() {
    var numbers = OrderedNumbers()
    #expect(numbers.isEmpty)
    for number in [3, 7, 9, 12] { numbers.add(number) }
    numbers.remove(7)
    numbers.remove(3)  // the inline one
    numbers.remove(40)  // never kept: nothing happens
    #expect(numbers.count == 2)
    #expect(numbers.all == [9, 12])
    numbers.removeAll()
    #expect(numbers.isEmpty && numbers.all == [])
  }

  @Test func theInlineSlotIsReusedOnceFreeAndLaterNumbersStillCount() {
    var numbers = OrderedNumbers()
    numbers.add(1)
    numbers.remove(1)
    numbers.add(2)
    numbers.add(3)
    numbers.remove(3)
    numbers.add(4)
    #expect(numbers.all == [2, 4])
  }

  /// With a number in the line but none inline, a new one joins the line, so the order holds.
  @Test func aNumberAddedWhileOthersWaitJoinsTheLine() {
    var numbers = OrderedNumbers()
    numbers.add(1)
    numbers.add(2)
    numbers.remove(1)
    numbers.add(5)
    #expect(numbers.all == [2, 5])
  }

  /// A number smaller than the inline one (an ask out of turn) takes the slot; one kept already
  /// stays once.
  @Test func aSmallerNumberTakesTheSlotAndARepeatStaysOnce() {
    var numbers = OrderedNumbers()
    numbers.add(5)
    numbers.add(8)
    numbers.add(2)
    numbers.add(5)
    numbers.add(2)
    #expect(numbers.count == 3)
    var taken: [Int] = []
    numbers.takeAll { taken.append($0) }
    #expect(taken == [2, 5, 8])
    #expect(numbers.isEmpty)
    #expect(numbers == OrderedNumbers())
  }
}

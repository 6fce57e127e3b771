import Testing

@testable import TokenSimKit

@Suite struct SerialTableTests {
  @Test func everyNumberIsAnsweredWhereverItLies() {
    var table = SerialTable<String>()
    // Within reach (pages), below it (0, negative) and beyond it (a dictionary).
    for number in [1, 1_024, 1_025, 0, -7, 5_000, 1_000_000] { table[number] = "v\(number)" }
    #expect(table.count == 7)
    for number in [1, 1_024, 1_025, 0, -7, 5_000, 1_000_000] { #expect(table[number] == "v\(number)") }
    #expect(table[2] == nil && table[2_049] == nil && table[999_999] == nil)
    #expect(table.numbers == [-7, 0, 1, 1_024, 1_025, 5_000, 1_000_000])
    table[1_024] = nil
    table[1_000_000] = nil
    table[3] = nil  // never set: nothing changes
    #expect(table.count == 5 && table[1_024] == nil && table[1_000_000] == nil)
  }

  @Test func numbersComingWithinReachMoveIntoTheirPages() {
    var table = SerialTable<Int>()
    table[180_000] = 18  // page 175: beyond reach (64 pages past the last) while there is none
    table[1] = 1
    table[60_000] = 6  // page 58, within reach of page 0
    table[130_000] = 13  // page 126: beyond reach of page 58
    #expect(table.pagesKept == 2 && table.count == 4)
    // Page 97 brings page 126 within reach, which brings page 175.
    table[100_000] = 10
    #expect(table.pagesKept == 5 && table.count == 5)
    #expect(table.numbers == [1, 60_000, 100_000, 130_000, 180_000])
    #expect(table[130_000] == 13 && table[180_000] == 18 && table[150_000] == nil)
    table[180_000] = nil
    table[130_000] = nil
    #expect(table.count == 3 && table.numbers == [1, 60_000, 100_000] && table.pagesKept == 4)
  }

  // The count of looks exists in debug builds only (a release table is no larger).
  #if DEBUG
    /// Numbers that come within reach one after another (each taken in adds pages that bring the
    /// next) are each looked at once: the take-in used to search the whole dictionary again for each
    /// number, 200 × 201 / 2 looks for this chain.
    @Test func aChainComingWithinReachIsTakenInWithOneLookEach() {
      var table = SerialTable<Int>()
      let chain = 200
      // Pages 64, 127, 190, …: each lies 63 pages past the one before, so within reach of it only.
      let numbers = (0..<chain).map { ((64 + 63 * $0) << 10) + 1 }
      for number in numbers { table[number] = number }
      #expect(table.pagesKept == 0 && table.count == chain, "all beyond reach while no page exists")
      table[1] = 1
      #expect(table.pagesKept == chain + 1 && table.count == chain + 1)
      #expect(table.numbersTakenInLookedAt == chain)
      #expect(numbers.allSatisfy { table[$0] == $0 } && table.numbers == [1] + numbers)
    }
  #endif

  @Test func modifyChangesInPlaceAndDefaultsOnlyWhenEmpty() {
    var table = SerialTable<[Int]>()
    #expect(table.modify(5, { $0.append(1) }) == nil, "no value, body not called")
    #expect(table[5] == nil && table.count == 0)
    table.modify(5, default: [0]) { $0.append(1) }
    table.modify(5, default: [9]) { $0.append(2) }
    table.modify(-5, default: [7]) { $0.append(8) }
    #expect(table[5] == [0, 1, 2] && table[-5] == [7, 8] && table.count == 2)
  }

  @Test func aCopyKeepsItsValuesWhenTheOriginalChanges() {
    var original = SerialTable<Int>()
    original[1] = 1
    original[7] = 7
    let copy = original
    original[1] = 100
    original[7] = nil
    original.modify(1) { $0 += 1 }
    original[2_000] = 2
    #expect(copy[1] == 1 && copy[7] == 7 && copy[2_000] == nil && copy.count == 2)
    #expect(original[1] == 101 && original[7] == nil && original[2_000] == 2 && original.count == 2)
  }

  @Test func anEmptiedPageIsGivenUpAndItsSlotsServeTheNextPage() {
    var table = SerialTable<Int>()
    table[1] = 0  // a daemon: page 0 stays in use
    for number in 2...3_000 { table[number] = number }
    #expect(table.pagesKept == 3 && table.pagesAllocated == 3)
    for number in 2...3_000 { table[number] = nil }
    #expect(table.pagesKept == 2, "page 1 is given up; page 2, the last, is kept for what comes next")
    for number in 3_001...4_096 { table[number] = number }
    #expect(table.pagesKept == 3 && table.pagesAllocated == 3, "page 3 took page 1's slots")
    for number in 3_001...4_096 { table[number] = nil }
    #expect(table.pagesKept == 2 && table.count == 1 && table.numbers == [1])
    for number in 4_097...10_000 {
      table[number] = number
      table[number] = nil
    }
    #expect(table.pagesAllocated == 3, "a month of invocations, one alive at a time, needs no more slots")
    #expect(table[1] == 0 && table[4_097] == nil)
  }
}

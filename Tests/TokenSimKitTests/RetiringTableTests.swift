import Testing

@testable import TokenSimKit

/// The world's process table is a class read and changed in place (`RetiringPages`); the value
/// that wraps it for a holder that is copied (`RetiringTable`, the server's ledger) copies the
/// pages on write, so a copy keeps its elements.
@Suite struct RetiringTableTests {
  @Test func aCopiedTableKeepsItsElementsWhenTheOriginalChanges() {
    var table = RetiringTable<[Int]>()
    for number in 1...1_500 { _ = table.append([number]) }
    let copy = table
    table[1_200].append(0)
    #expect(table.append([9]) == 1_501)
    #expect(copy.count == 1_500 && copy[1_200] == [1_200] && !copy.contains(1_501))
    #expect(table.count == 1_501 && table[1_200] == [1_200, 0] && table[1_501] == [9])
    var second = copy
    second[1] = []
    #expect(copy[1] == [1] && second[1] == [] && second[1_500] == [1_500])
  }

  @Test func pagesAreChangedInPlaceAndFreedWhenAllTheirElementsAreRetired() {
    let pages = RetiringPages<[Int]>()
    for number in 1...2_048 { _ = pages.append([number]) }
    pages[5].append(5)
    pages.inPlace(6) { $0 = [] }
    #expect(pages[5] == [5, 5] && pages[6] == [] && pages.pagesKept == 2)
    for id in 1...1_024 { pages.retire(id) }
    #expect(pages.hasRetiredLately && pages.contains(1))
    var released = 0
    pages.releaseRetired { element in
      element = []
      released += 1
    }
    #expect(released == 1_024 && !pages.hasRetiredLately)
    #expect(!pages.contains(1) && !pages.contains(1_024) && pages.contains(1_025) && pages.pagesKept == 1)
    #expect(pages[2_048] == [2_048] && !pages.contains(2_049) && !pages.contains(0))
  }

  @Test func aCopyOfThePagesIsIndependent() {
    let pages = RetiringPages<String>()
    for number in 1...3 { _ = pages.append("p\(number)") }
    let copy = pages.copy()
    pages[2] = "changed"
    _ = pages.append("p4")
    #expect(copy.count == 3 && copy[2] == "p2" && pages[2] == "changed" && pages.count == 4)
  }

  @Test func elementsBuiltInPlaceOnManyPagesAreKeptAndCopiedWithoutTheFreedPages() {
    let pages = RetiringPages<[Int]>()
    for number in 1...6_000 {
      #expect(pages.append { $0.initialize(to: [number]) } == number)
    }
    for id in 1...1_024 { pages.retire(id) }
    pages.releaseRetired { $0 = [] }
    let copy = pages.copy()
    pages[5_000] = []
    #expect(pages.pagesKept == 5 && copy.pagesKept == 5 && copy.count == 6_000)
    #expect(!copy.contains(1_024) && copy[1_025] == [1_025] && copy[5_000] == [5_000] && copy[6_000] == [6_000])
    #expect(pages[5_000] == [] && pages[5_999] == [5_999] && !pages.contains(6_001))
  }
}

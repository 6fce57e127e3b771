import Testing

/// A golden file that no longer matches is reported as the lines that changed, with their line
/// numbers, not as "differs".
@Suite struct GoldenDiffTests {
  func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

  @Test func aChangedLineIsOneRemovalAndOneAdditionAtItsLine() {
    let changes = lineChanges(from: lines("a\nb\nc\nd"), to: lines("a\nb\nC\nd"))
    #expect(changes == [.init(side: .removed, line: 3, text: "c"), .init(side: .added, line: 3, text: "C")])
  }

  @Test func anInsertedLineDoesNotMakeEveryLaterLineDiffer() {
    let old = (1...50).map { "line \($0)" }.joined(separator: "\n")
    let new = old.replacingOccurrences(of: "line 10\n", with: "line 10\ninserted\n")
      .replacingOccurrences(of: "line 40\n", with: "")
    let changes = lineChanges(from: lines(old), to: lines(new))
    #expect(changes == [.init(side: .added, line: 11, text: "inserted"), .init(side: .removed, line: 40, text: "line 40")])
  }

  @Test func theAccountShowsTheFirstChangesAndCountsTheRest() throws {
    let old = (1...100).map { "\"metric\" : \($0)," }.joined(separator: "\n")
    let new = (1...100).map { "\"metric\" : \($0 % 10 == 0 ? -$0 : $0)," }.joined(separator: "\n")
    let account = try #require(goldenDifference(committed: old, written: new, name: "Reports/x.json", shown: 4))
    #expect(
      account == """
        Reports/x.json differs from what the suite writes now: 10 line(s) removed, 10 added (- committed, + written now):
           10 - "metric" : 10,
           10 + "metric" : -10,
           20 - "metric" : 20,
           20 + "metric" : -20,
          … and 16 more changed line(s)
        """)
    #expect(goldenDifference(committed: old, written: old, name: "x") == nil)
  }

  @Test func aMissingFinalNewlineIsShown() throws {
    let account = try #require(goldenDifference(committed: "a\n", written: "a", name: "f"))
    #expect(account.contains("1 line(s) removed, 0 added"))
  }

  @Test func beyondTheEditLimitTheWholeMiddleIsListed() {
    let changes = lineChanges(from: lines("a\nb\nc\nz"), to: lines("a\nx\ny\nz"), maximumEdits: 1)
    #expect(changes.map(\.text) == ["b", "c", "x", "y"])
  }
}

import Testing

@testable import TokenSimKit

/// The token requests one incarnation waits for: what a crash abandons, found without searching
/// the world's requests in flight.
@Suite struct OpenTokenRequestsTests {
  @Test func aCrashTakesEveryOpenRequestInTheOrderSent() {
    var open = OpenTokenRequests()
    #expect(open.isEmpty)
    for request in [3, 7, 9, 12] { open.insert(request) }
    open.remove(7)
    open.remove(3)  // the inline first
    open.remove(40)  // never open: nothing happens
    #expect(!open.isEmpty)
    #expect(open.removeAll() == [9, 12])
    #expect(open.isEmpty)
    #expect(open.removeAll() == [])
  }

  @Test func theFirstSlotIsReusedOnceFreeAndLaterRequestsStillCount() {
    var open = OpenTokenRequests()
    open.insert(1)
    open.remove(1)
    open.insert(2)
    open.insert(3)
    open.remove(3)
    open.insert(4)
    #expect(open.removeAll() == [2, 4])
  }

  /// With a request in the line but none inline, a new request joins the line, so the order sent
  /// is kept.
  @Test func aRequestSentWhileOthersWaitJoinsTheLine() {
    var open = OpenTokenRequests()
    open.insert(1)
    open.insert(2)
    open.remove(1)
    open.insert(5)
    #expect(open.removeAll() == [2, 5])
  }
}

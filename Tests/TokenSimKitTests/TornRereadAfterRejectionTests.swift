import Testing

@testable import TokenSimKit

/// A client whose refresh token was refused rereads the store. Where its modelled client retries a
/// read that fails to parse (lock-on-write: msal-extensions), a torn reread (another process is
/// writing the file in place) is read again 0.5 s later, three reads in all (`TornRereadRetry`);
/// only a whole read, or the third torn one, decides. The others take a torn file as no
/// credentials and need login at once, as botocore and Codex do.
@Suite struct TornRereadAfterRejectionTests {
  let pair1 = credentials(1, expiry: t(29, 50))

  /// lock-on-write, rereading after a refusal, at t(30): loaded `pair1`, a call needs a refresh,
  /// the reread before it finds `pair1` again, the request is refused; returns the driver with the
  /// reread after the refusal asked for.
  func refusedAtHalfPast(_ strategy: String = "lock-on-write") throws -> StrategyDriver {
    var reread = try StrategyDriver(strategy, ["onRejected=reread-retry-once"])
    _ = reread.at(t(0), .started(cause: .processStart))
    _ = reread.at(t(0), .storeRead(result: stored(pair1)))
    _ = reread.at(t(30), .tokenNeeded(ask: 1, forceRefresh: false))
    _ = reread.at(t(30), .storeRead(result: stored(pair1)))
    #expect(reread.at(t(30), .refreshCompleted(request: 1, reply: failed(400, error: "invalid_grant"))) == [.readStore])
    return reread
  }

  /// Torn once, then whole with the pair the writer was writing: no alert, the pair adopted, the
  /// waiting call and the one that arrived during the pause granted its access token, and later
  /// calls too. Before, the torn reread raised the alert and denied the call at t(30).
  @Test func aTornRereadIsReadAgainAndTheNewerPairAdopted() throws {
    var reread = try refusedAtHalfPast()
    let pause = t(30) + .milliseconds(500)
    #expect(reread.at(t(30), .storeRead(result: .torn)) == [.setTimer(name: .reread, at: pause)])
    #expect(reread.at(t(30) + .milliseconds(200), .tokenNeeded(ask: 2, forceRefresh: false)) == [], "waits for the reread")
    #expect(reread.at(pause, .timerFired(name: .reread)) == [.readStore])
    let at2 = AccessToken(serial: 2)
    #expect(
      reread.at(pause, .storeRead(result: stored(credentials(2, expiry: t(59, 50))))) == [
        .grant(ask: 1, token: at2), .grant(ask: 2, token: at2),
      ])
    #expect(reread.at(t(31), .tokenNeeded(ask: 3, forceRefresh: false)) == [.grant(ask: 3, token: at2)])
  }

  /// Torn at all three reads (t(30), +0.5 s, +1 s): the file cannot be read, so exactly one
  /// needs-login alert, at the third read, t(30) + 1 s, and the call is denied; later calls are
  /// denied without another alert.
  @Test func aFileTornAtEveryRereadAlertsOnceAfterTheLastRead() throws {
    var reread = try refusedAtHalfPast()
    let second = t(30) + .milliseconds(500)
    let third = t(30) + .seconds(1)
    #expect(reread.at(t(30), .storeRead(result: .torn)) == [.setTimer(name: .reread, at: second)])
    #expect(reread.at(second, .timerFired(name: .reread)) == [.readStore])
    #expect(reread.at(second, .storeRead(result: .torn)) == [.setTimer(name: .reread, at: third)])
    #expect(reread.at(third, .timerFired(name: .reread)) == [.readStore])
    #expect(
      reread.at(third, .storeRead(result: .torn)) == [
        .raiseAlert(message: "the refresh token was refused; sign in again"), .deny(ask: 1, reason: "needs login"),
      ])
    #expect(reread.at(t(31), .tokenNeeded(ask: 2, forceRefresh: false)) == [.deny(ask: 2, reason: "needs login")])
    #expect(reread.at(t(31), .timerFired(name: .reread)) == [], "no read is pending")
  }

  /// A whole reread decides at once, as before: an empty store is no session (needs-login at
  /// t(30)); a torn read followed by the rejected token needs login at the second read.
  @Test func aWholeRereadDecidesAtOnce() throws {
    var empty = try refusedAtHalfPast()
    #expect(
      empty.at(t(30), .storeRead(result: .empty)) == [
        .raiseAlert(message: "the refresh token was refused; sign in again"), .deny(ask: 1, reason: "needs login"),
      ])
    var same = try refusedAtHalfPast()
    let second = t(30) + .milliseconds(500)
    #expect(same.at(t(30), .storeRead(result: .torn)) == [.setTimer(name: .reread, at: second)])
    #expect(same.at(second, .timerFired(name: .reread)) == [.readStore])
    #expect(
      same.at(second, .storeRead(result: stored(pair1))) == [
        .raiseAlert(message: "the refresh token was refused; sign in again"), .deny(ask: 1, reason: "needs login"),
      ])
  }

  /// A restart during the pause forgets the reread: the pause's timer firing after it reads
  /// nothing, and the process loads the store as any start does.
  @Test func aRestartDuringThePauseForgetsTheReread() throws {
    var reread = try refusedAtHalfPast()
    #expect(reread.at(t(30), .storeRead(result: .torn)) == [.setTimer(name: .reread, at: t(30) + .milliseconds(500))])
    #expect(reread.at(t(30) + .milliseconds(100), .started(cause: .processStart)) == [.readStore])
    #expect(reread.at(t(30) + .milliseconds(500), .timerFired(name: .reread)) == [])
  }

  /// Through a run: a writer refreshes at start (rt-1 → rt-2, the reply at 0.104 s) and rewrites
  /// the file in place for `writeTime`; a reader that loaded rt-1 at 0.05 s presents it and is
  /// refused (the server rejects a rotated-away token without revoking, `onReuse: reject`), and
  /// its reread at 0.156 s lands inside the write.
  static func refusedDuringAWrite(writeTime: String) -> String {
    oneHost(
      duration: "2m", server: #"{"rotation": "rotate", "onReuse": "reject"}"#,
      processes: #"""
        [{"name": "writer", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}, "refreshAtStart": true},
         {"name": "reader", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}, "refreshAtStart": true,
          "startAt": "50ms"}]
        """#,
      host: #""store": {"write": "in-place", "writeTime": "\#(writeTime)", "readTime": "2ms"}"#)
  }

  /// The store reads of process 2 (the reader), when each ended, and whether it was torn.
  func readerReads(_ result: RunResult) -> [(time: SimInstant, torn: Bool)] {
    result.trace.compactMap {
      if case .storeRead(2, _, let outcome) = $0.kind { ($0.time, outcome == .torn) } else { nil }
    }
  }

  /// A 1 s write (0.104 s to 1.104 s): the rereads at 0.156 s and 0.658 s are torn, the one at
  /// 1.160 s is whole and holds rt-2, which the reader adopts: no alert, all 4 calls succeed.
  /// Before, the torn reread at 0.156 s raised the alert and both of the reader's calls failed.
  @Test func aRefusalWhoseRereadMeetsAOneSecondWriteAdoptsTheWrittenPair() throws {
    let result = try run(Self.refusedDuringAWrite(writeTime: "1s"), strategy: "lock-on-write", "onRejected=reread-retry-once")
    let ms = { (milliseconds: Int64) in SimInstant.start + .milliseconds(milliseconds) }
    #expect(readerReads(result).map(\.time) == [ms(52), ms(54), ms(156), ms(658), ms(1160)])
    #expect(readerReads(result).map(\.torn) == [false, false, true, true, false])
    #expect(result.metrics.tornReads == 2)
    #expect(result.metrics.needsLoginAlerts == 0)
    #expect(result.metrics.apiCalls == 4)
    #expect(result.metrics.apiCallsFailed == 0)
    #expect(result.metrics.tokenRequests == 2)
  }

  /// A 5 s write: all three rereads (0.156 s, 0.658 s, 1.160 s) are torn, so the reader raises one
  /// needs-login alert at 1.160 s and its 2 calls fail.
  @Test func aRefusalWhoseRereadsAreAllTornAlertsOnceAtTheThirdRead() throws {
    let result = try run(Self.refusedDuringAWrite(writeTime: "5s"), strategy: "lock-on-write", "onRejected=reread-retry-once")
    #expect(result.metrics.tornReads == 3)
    #expect(result.metrics.needsLoginAlerts == 1)
    let alert = try #require(events(result) { if case .alertRaised = $0 { true } else { false } }.first)
    #expect(alert.time == .start + .milliseconds(1160))
    #expect(result.metrics.apiCallsFailed == 2)
  }

  /// Only lock-on-write's client retries a torn read: every other built-in engine strategy whose
  /// reread after the refusal meets the 1 s write (those without a lock around the read),
  /// configured to reread (`onRejected=reread-retry-once`), takes the torn file as no credentials
  /// and needs login at its torn reread (0.154 s, or 0.156 s after reread-from-disk's check
  /// before the refresh), as botocore and Codex do.
  @Test(arguments: ["naive", "reread-from-disk", "single-flight", "advisory-mandatory"])
  func anUnlockedRereadWhoseClientDoesNotRetryNeedsLoginAtTheTornRead(strategy: String) throws {
    let result = try run(
      Self.refusedDuringAWrite(writeTime: "1s"), strategy: strategy, "onRejected=reread-retry-once")
    #expect(result.metrics.tornReads == 1)
    #expect(result.metrics.needsLoginAlerts == 1)
    let alert = try #require(events(result) { if case .alertRaised = $0 { true } else { false } }.first)
    let tornRead = try #require(readerReads(result).first(where: \.torn)?.time)
    #expect(alert.time == tornRead)
    #expect(tornRead == .start + .milliseconds(strategy == "reread-from-disk" ? 156 : 154))
  }

  /// The driver's view of the same: reread-from-disk's torn reread after the refusal raises the
  /// needs-login alert at once and sets no `reread` timer.
  @Test func rereadFromDisksTornRereadNeedsLoginAtOnce() throws {
    var reread = try refusedAtHalfPast("reread-from-disk")
    let actions = reread.at(t(30), .storeRead(result: .torn))
    #expect(actions.contains { if case .raiseAlert = $0 { true } else { false } })
    #expect(!actions.contains { if case .setTimer(name: .reread, _) = $0 { true } else { false } })
  }
}

import Foundation
import Testing

@testable import TokenSimKit

/// The reread before a refresh can land inside another process's in-place write and come back
/// torn. Where the modelled client retries a read that fails to parse (lock-on-write:
/// msal-extensions' `PersistedTokenCache._find`, 3 attempts 0.5 s apart), the check is read again
/// (`TornRereadRetry`), so the refresh token being written is adopted instead of the old one
/// being sent; elsewhere (reread-from-disk: botocore's `JSONFileCache` and Codex's
/// `try_read_auth_json` take a file that fails to parse as no cache or an error) a torn check is
/// nothing newer on disk, and the refresh goes on with the pair held.
@Suite struct TornCheckBeforeRefreshTests {
  let pair1 = credentials(1, expiry: t(29, 50))
  let pair2 = credentials(2, expiry: t(59, 50))

  /// `strategy` at t(30): loaded `pair1` at t(0), a call needs a refresh, and the check before it
  /// is asked for.
  func checkingAtHalfPast(_ strategy: String) throws -> StrategyDriver {
    var driver = try StrategyDriver(strategy)
    _ = driver.at(t(0), .started(cause: .processStart))
    _ = driver.at(t(0), .storeRead(result: stored(pair1)))
    #expect(driver.at(t(30), .tokenNeeded(ask: 1, forceRefresh: false)) == [.readStore])
    return driver
  }

  /// lock-on-write: torn at t(30), read again 0.5 s later and whole with `pair2`, which the writer
  /// was writing: adopted, both calls (the one that arrived during the pause too) granted `at-2`,
  /// and no request sent at all, so rt-1 is never presented again (on main the torn check sent
  /// rt-1 at t(30): a reuse).
  @Test func aTornCheckIsReadAgainAndTheNewerPairAdoptedWithoutARequest() throws {
    var driver = try checkingAtHalfPast("lock-on-write")
    let pause = t(30) + .milliseconds(500)
    #expect(driver.at(t(30), .storeRead(result: .torn)) == [.setTimer(name: .reread, at: pause)])
    #expect(driver.at(t(30) + .milliseconds(200), .tokenNeeded(ask: 2, forceRefresh: false)) == [])
    #expect(driver.at(pause, .timerFired(name: .reread)) == [.readStore])
    let whole = driver.at(pause, .storeRead(result: stored(pair2)))
    let at2 = AccessToken(serial: 2)
    #expect(
      whole.filter { if case .grant = $0 { true } else { false } } == [.grant(ask: 1, token: at2), .grant(ask: 2, token: at2)])
    #expect(!whole.contains { if case .sendRefresh = $0 { true } else { false } })
    #expect(driver.at(t(31), .tokenNeeded(ask: 3, forceRefresh: false)) == [.grant(ask: 3, token: at2)])
  }

  /// lock-on-write: torn at t(30), t(30) + 0.5 s and t(30) + 1 s: the file cannot be read, so at
  /// the third read the call fails ("credential store unreadable"), with no request and no alert;
  /// the next call, at t(32), starts a new check.
  @Test func aCheckTornAtEveryReadFailsTheCallsAtTheThirdReadSendingNothing() throws {
    var driver = try checkingAtHalfPast("lock-on-write")
    let second = t(30) + .milliseconds(500)
    let third = t(30) + .seconds(1)
    #expect(driver.at(t(30), .storeRead(result: .torn)) == [.setTimer(name: .reread, at: second)])
    #expect(driver.at(second, .timerFired(name: .reread)) == [.readStore])
    #expect(driver.at(second, .storeRead(result: .torn)) == [.setTimer(name: .reread, at: third)])
    #expect(driver.at(third, .timerFired(name: .reread)) == [.readStore])
    #expect(driver.at(third, .storeRead(result: .torn)) == [.deny(ask: 1, reason: "credential store unreadable")])
    #expect(driver.at(t(32), .tokenNeeded(ask: 2, forceRefresh: false)) == [.readStore])
  }

  /// lock-on-write holding no pair (its load at t(0) was torn): a check torn at all three reads
  /// (t(0) + 1 s, + 1.5 s, + 2 s) is no session, so one needs-login alert at the third read, as
  /// any process that finds none raises, and the call fails.
  @Test func aProcessWithNoPairWhoseCheckIsTornThriceAlertsOnce() throws {
    var driver = try StrategyDriver("lock-on-write")
    _ = driver.at(t(0), .started(cause: .processStart))
    _ = driver.at(t(0), .storeRead(result: .torn))
    let first = t(0, 1)
    #expect(driver.at(first, .tokenNeeded(ask: 1, forceRefresh: false)) == [.readStore])
    #expect(driver.at(first, .storeRead(result: .torn)) == [.setTimer(name: .reread, at: first + .milliseconds(500))])
    _ = driver.at(first + .milliseconds(500), .timerFired(name: .reread))
    #expect(
      driver.at(first + .milliseconds(500), .storeRead(result: .torn)) == [
        .setTimer(name: .reread, at: first + .seconds(1))
      ])
    _ = driver.at(first + .seconds(1), .timerFired(name: .reread))
    #expect(
      driver.at(first + .seconds(1), .storeRead(result: .torn)) == [
        .raiseAlert(message: NoSessionAlert.message), .deny(ask: 1, reason: "credential store unreadable"),
      ])
    // A second call meets a file torn three times again: denied, and no second alert this start.
    let second = t(0, 2)
    #expect(driver.at(second, .tokenNeeded(ask: 2, forceRefresh: false)) == [.readStore])
    for (read, next) in [(0, 500), (500, 1_000)] {
      #expect(
        driver.at(second + .milliseconds(Int64(read)), .storeRead(result: .torn)) == [
          .setTimer(name: .reread, at: second + .milliseconds(Int64(next)))
        ])
      _ = driver.at(second + .milliseconds(Int64(next)), .timerFired(name: .reread))
    }
    #expect(
      driver.at(second + .seconds(1), .storeRead(result: .torn)) == [
        .deny(ask: 2, reason: "credential store unreadable")
      ])
  }

  /// A restart during the pause before a check forgets it: the `reread` timer that fires after
  /// the restart does nothing.
  @Test func aRestartDuringThePauseBeforeACheckForgetsIt() throws {
    var driver = try StrategyDriver("lock-on-write")
    _ = driver.at(t(0), .started(cause: .processStart))
    _ = driver.at(t(0), .storeRead(result: stored(credentials(1, expiry: t(29, 50)))))
    #expect(driver.at(t(30), .tokenNeeded(ask: 1, forceRefresh: false)) == [.readStore])
    #expect(driver.at(t(30), .storeRead(result: .torn)) == [.setTimer(name: .reread, at: t(30) + .milliseconds(500))])
    #expect(driver.at(t(30) + .milliseconds(100), .started(cause: .processStart)) == [.readStore])
    #expect(driver.at(t(30) + .milliseconds(500), .timerFired(name: .reread)) == [])
  }

  /// lock-on-write: a whole check holding the pair already held goes on to the request at once,
  /// as before; only a torn read pauses.
  @Test func aWholeCheckDecidesAtOnce() throws {
    var driver = try checkingAtHalfPast("lock-on-write")
    let actions = driver.at(t(30), .storeRead(result: stored(pair1)))
    #expect(actions.contains { if case .sendRefresh(1, RefreshToken(serial: 1), _) = $0 { true } else { false } })
  }

  /// reread-from-disk (botocore SSO, Codex: no retry of a file that fails to parse): a torn check
  /// is nothing newer on disk, and rt-1 is sent at once, at t(30), as on main.
  @Test func aClientThatDoesNotRetrySendsTheHeldTokenAfterATornCheck() throws {
    var driver = try checkingAtHalfPast("reread-from-disk")
    #expect(
      driver.at(t(30), .storeRead(result: .torn)) == [
        .sendRefresh(request: 1, refreshToken: RefreshToken(serial: 1), timeout: nil)
      ])
  }

  /// The bundled torn-write scenario under lock-on-write: the daemon's check at 1:00:10.002 lands
  /// inside cli#1806's in-place write of rt-7 and is torn; it is read again at 1:00:10.504, whole,
  /// and rt-7 adopted, so the daemon sends nothing then. On main it sent rt-6 at 1:00:10.002: a
  /// reuse that revoked the family (3,302 token requests, availability 33.4%).
  @Test func inTornWriteTheDaemonAdoptsThePairBeingWrittenInsteadOfReusingItsOwn() throws {
    let torn = try Scenario.load(path: packageRoot.appendingPathComponent("Scenarios/torn-write.json").path)
    let result = Simulation(scenario: torn, strategy: try choice("lock-on-write"), seed: nil).run()
    let ms = { (milliseconds: Int64) in SimInstant.start + .milliseconds(milliseconds) }
    let daemonReads = result.trace.compactMap {
      if case .storeRead(1, _, let outcome) = $0.kind, $0.time >= ms(3_610_000), $0.time <= ms(3_611_000) {
        ($0.time, outcome == .torn)
      } else {
        nil
      }
    }
    #expect(daemonReads.map(\.0) == [ms(3_610_002), ms(3_610_504)])
    #expect(daemonReads.map(\.1) == [true, false])
    let daemonSent = result.trace.contains {
      if case .tokenRequestSent(1, _, _) = $0.kind { $0.time >= ms(3_610_000) && $0.time <= ms(3_611_000) } else { false }
    }
    #expect(!daemonSent)
    #expect(result.metrics.familyRevocations == 0)
    #expect(result.metrics.reuseDetections == 0)
    #expect(result.metrics.tornReads == 8)
    #expect(result.metrics.tokenRequests == 17)
    #expect(result.metrics.needsLoginAlerts == 0)
    #expect(result.metrics.apiCallsFailed == 0)
  }

  /// Which coordinations retry a torn check: only lock-on-write's.
  @Test func onlyLockOnWriteRetriesATornCheck() {
    #expect(Coordination.lockOnWrite(wait: .seconds(5)).retriesTornReads)
    #expect(!Coordination.reread.retriesTornReads)
    #expect(!Coordination.none.retriesTornReads)
    #expect(!Coordination.lockWholeRefresh(wait: nil).retriesTornReads)
    let lease = LeaseSettings(duration: .seconds(60), poll: .seconds(1), lockWait: .seconds(5))
    #expect(!Coordination.lease(lease).retriesTornReads)
  }
}

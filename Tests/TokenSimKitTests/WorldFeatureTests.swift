import Testing

@testable import TokenSimKit

/// A strategy that arms the `refresh` timer at start, for the scheduler-failure fault.
struct SchedulingProbe: RefreshStrategy {
  var fired = 0
  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    actions += answer(event, context: &context)
  }

  mutating func answer(_ event: StrategyEvent, context: inout StrategyContext) -> [StrategyAction] {
    switch event {
    case .started: return [.setTimer(name: .refresh, at: context.now + .minutes(10))]
    case .timerFired: return [.raiseAlert(message: "timer fired")]
    case .tokenNeeded(let ask, _): return [.deny(ask: ask, reason: "probe")]
    default: return []
    }
  }
}

/// A strategy that takes the lock, then sends one refresh and waits on it.
struct LockThenRefresh: RefreshStrategy {
  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    actions += answer(event, context: &context)
  }

  mutating func answer(_ event: StrategyEvent, context: inout StrategyContext) -> [StrategyAction] {
    switch event {
    case .started: return [.acquireLock(wait: .minutes(5))]
    case .lockGranted:
      return [
        .raiseAlert(message: "lock granted"), .sendRefresh(request: 1, refreshToken: RefreshToken(serial: 1), timeout: nil),
      ]
    case .lockUnavailable: return [.raiseAlert(message: "lock unavailable")]
    default: return []
    }
  }
}

/// A strategy that fails the call first, then raises an alert and writes the store: the order a
/// CLI's exit used to cut short.
struct DenyThenAlert: RefreshStrategy {
  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    actions += answer(event, context: &context)
  }

  mutating func answer(_ event: StrategyEvent, context: inout StrategyContext) -> [StrategyAction] {
    guard case .tokenNeeded(let ask, _) = event else { return [] }
    return [
      .deny(ask: ask, reason: "needs login"), .raiseAlert(message: "sign in again"),
      .writeStore(contents: StoreContents(credentials: nil)),
    ]
  }
}

@Suite struct WorldFeatureTests {
  func alerts(_ result: RunResult) -> [(SimInstant, Int, String)] {
    result.trace.compactMap { if case .alertRaised(let p, let m) = $0.kind { ($0.time, p, m) } else { nil } }
  }

  @Test func aCLIPerformsItsWholeActionListBeforeExiting() throws {
    let processes = #"[{"name": "c", "role": "cli", "arrivals": {"every": "1m"}}]"#
    let result = try run(oneHost(duration: "150s", processes: processes)) { _ in DenyThenAlert() }
    // Each invocation's call is denied, and the alert and the store write after the denial are
    // still performed: the exit waits for the list, then for the write.
    #expect(alerts(result).map(\.2) == ["sign in again", "sign in again", "sign in again"])
    let kinds = result.trace.map(\.kind)
    let written = kinds.firstIndex { if case .storeWritten = $0 { true } else { false } }
    let exited = kinds.firstIndex { if case .processExited(_, false) = $0 { true } else { false } }
    #expect(written != nil && exited != nil && written! < exited!)
  }

  @Test func aFailedSchedulerNeverFires() throws {
    let processes = #"""
      [{"name": "a", "role": "daemon", "schedulerFailure": {"probability": 1, "count": 1}},
       {"name": "b", "role": "daemon"}]
      """#
    let result = try run(oneHost(duration: "1h", processes: processes)) { _ in SchedulingProbe() }
    #expect(alerts(result).map(\.1) == [2])
    #expect(events(result) { if case .schedulerArmFailed(1) = $0 { true } else { false } }.count == 1)
  }

  @Test func timersFollowTheHostClockAcrossASuspension() throws {
    let result = try run(
      oneHost(
        duration: "1h", processes: #"[{"name": "a", "role": "daemon"}]"#, host: #""suspend": [{"from": "5m", "to": "30m"}]"#)
    ) { _ in SchedulingProbe() }
    // Due at 10 m, but the host sleeps from 5 m to 30 m: it fires on resume.
    #expect(alerts(result).map(\.0) == [SimInstant.start + .minutes(30)])
  }

  @Test func aLockFileLeftByACrashIsBrokenOnlyAfterItsStaleTimeout() throws {
    let processes = #"""
      [{"name": "a", "role": "daemon", "crash": {"at": "1s", "during": "holding-lock"}},
       {"name": "b", "role": "daemon", "startAt": "2s"}]
      """#
    let lockFile = #""lock": {"kind": "lock-file", "staleAfter": "30s"}"#
    let result = try run(oneHost(duration: "5m", processes: processes, host: lockFile)) { _ in LockThenRefresh() }
    let granted = alerts(result).filter { $0.2 == "lock granted" }
    #expect(granted.map(\.1) == [1, 2])
    #expect(granted.last?.0 == SimInstant.start + .seconds(30))

    let flock = try run(oneHost(duration: "5m", processes: processes)) { _ in LockThenRefresh() }
    #expect(alerts(flock).filter { $0.2 == "lock granted" }.map(\.0) == [SimInstant.start, SimInstant.start + .seconds(2)])
  }

  @Test func crashMidRefreshIsRestartedBySupervisor() throws {
    let processes = #"""
      [{"name": "a", "role": "daemon", "crash": {"at": "0s", "during": "mid-refresh"}, "restartAfter": "10s"}]
      """#
    let result = try run(oneHost(duration: "1m", processes: processes)) { _ in LockThenRefresh() }
    #expect(result.metrics.processCrashes == 1)
    #expect(result.metrics.processStarts == 2)
    // The first refresh committed at the server though its process died: the restarted one reuses rt-1.
    #expect(result.metrics.reuseDetections == 1)
  }

  @Test func inPlaceWritesCanBeReadTorn() throws {
    let processes = #"""
      [{"name": "writer", "role": "daemon", "cycle": {"every": "10s"}, "refreshAtStart": true},
       {"name": "reader", "role": "cli", "arrivals": {"every": "1ms"}, "startAt": "101ms", "stopAt": "110ms", "apiCalls": 1}]
      """#
    let host = #""store": {"write": "in-place", "writeTime": "5ms"}"#
    let result = try run(oneHost(duration: "1s", processes: processes, host: host))
    #expect(result.metrics.tornReads == 4)
    let atomic = try run(oneHost(duration: "1s", processes: processes))
    #expect(atomic.metrics.tornReads == 0)
  }

  @Test func anEnvironmentSnapshotDiesWithItsAccessToken() throws {
    let processes = #"""
      [{"name": "parent", "role": "daemon", "cycle": {"every": "1m"}},
       {"name": "child", "role": "daemon", "credentials": "environment", "cycle": {"every": "1m"}}]
      """#
    let result = try run(oneHost(duration: "4h", server: #"{"accessTokenTTL": "2h"}"#, processes: processes))
    let denied = events(result) { if case .callDenied(2) = $0 { true } else { false } }
    // The child's last good call is at 1:59; from 2:00 on it has no token: 121 calls to 4:00.
    #expect(denied.count == 121)
    #expect(denied.first?.time == SimInstant.start + .hours(2))
    #expect(events(result) { if case .callDenied(1) = $0 { true } else { false } }.isEmpty)
  }
}

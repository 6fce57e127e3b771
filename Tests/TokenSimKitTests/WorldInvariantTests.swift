import Testing

@testable import TokenSimKit

/// Each invariant of the world, broken on purpose: the message names what broke it and when.
@Suite struct WorldInvariantTests {
  /// A daemon and a CLI sharing a host with a lock file, stopped at 10 s with both running.
  static func sharedHostAtTenSeconds() throws -> World {
    let json = oneHost(
      duration: "1h", server: #"{"accessTokenTTL": "30m"}"#,
      processes: """
        [{"name": "d", "role": "daemon", "cycle": {"every": "10s"}},
         {"name": "w", "role": "daemon", "cycle": {"every": "10s"}}]
        """, host: #""lock": {"kind": "lock-file"}"#)
    let world = World(scenario: try scenario(json), seed: 1) { _ in NaiveStrategy() }
    world.advance(to: .start + .seconds(10))
    return world
  }

  @Test func aSoundWorldBreaksNoInvariant() throws {
    let world = try Self.sharedHostAtTenSeconds()
    #expect(world.invariantViolations() == [])
  }

  @Test func nothingIsScheduledBeforeNow() throws {
    let world = try Self.sharedHostAtTenSeconds()
    world.queue.schedule(.lockStaleCheck(host: 0), at: .start + .seconds(5))
    #expect(world.invariantViolations() == ["an event is scheduled at t+5s, before now (t+10s): the clock would run backwards"])
  }

  /// A payload kept with no event to deliver it (its event dropped without freeing its slot).
  @Test func aPayloadSlotIsHeldOnlyForAnEventWaitingToDeliverIt() throws {
    let world = try Self.sharedHostAtTenSeconds()
    let (reads, messages) = (world.storeReads.count, world.messages.count)
    _ = world.storeReads.store(.empty)
    _ = world.messages.store(IPCMessage(kind: .ask, correlation: 1))
    #expect(
      world.invariantViolations() == [
        "at t+10s, store read results held: \(reads + 1), events waiting to deliver them: \(reads) (a payload slot leaked)",
        "at t+10s, IPC messages held: \(messages + 1), events waiting to deliver them: \(messages) (a payload slot leaked)",
      ])
  }

  /// Processes crash at any moment while slow store reads and writes and broker messages are on
  /// their way: the events of the dead incarnations are dropped, and each must free the payload
  /// it carried (with the discard of a dropped store read or write left out, this test fails; the
  /// bundled scenarios drop too few to show it).
  @Test(arguments: ["reread-from-disk", "lock-whole-refresh", "broker"])
  func crashesAmidSlowStoreOperationsFreeEveryPayload(strategy: String) throws {
    let json = oneHost(
      duration: "20m", server: #"{"accessTokenTTL": "2m"}"#,
      processes: """
        [{"name": "d", "role": "daemon", "count": 3, "cycle": {"every": "5s"}, "restartAfter": "1s",
          "crash": {"perHour": 720, "during": "any"}},
         {"name": "c", "role": "cli", "arrivals": {"perHour": 600}, "apiCalls": 1,
          "crash": {"perHour": 3600, "during": "any"}}]
        """,
      host: #""lock": {"kind": "lock-file", "staleAfter": "5s"}, "store": {"readTime": "2s", "writeTime": "2s"}"#)
    let entry = try #require(StrategyCatalog.all.first { $0.name == strategy })
    let world = World(
      scenario: try scenario(json), seed: 3, brokers: entry.usesBroker, retention: .discard,
      makeStrategy: StrategyChoice(entry).makeStrategy)
    world.run()
    #expect(world.trace.isEmpty && world.eventsProcessed > 1_000)
    #expect(world.invariantViolations() == [], "\(strategy)")
  }

  /// A broker and its clients crash at any moment while their questions and answers travel:
  /// the messages of the dead incarnations are dropped on arrival, and each must free its
  /// payload slot. The run drops 62 messages (counted, so that the test cannot stop covering
  /// them unnoticed); with the discard of a dropped message left out, it fails with "IPC
  /// messages held: 62, events waiting to deliver them: 0". The broker case of the test above
  /// drops none: its messages wait 1 ms, and its crashes are too rare to catch one.
  @Test func crashesAmidBrokerMessagesFreeEveryDroppedMessage() throws {
    let json = oneHost(
      duration: "20m", server: #"{"accessTokenTTL": "1m"}"#,
      processes: """
        [{"name": "broker", "role": "broker", "restartAfter": "100ms", "crash": {"perHour": 10000, "during": "any"}},
         {"name": "d", "role": "daemon", "count": 5, "cycle": {"every": "1s"}, "restartAfter": "1s",
          "crash": {"perHour": 3600, "during": "any"}},
         {"name": "c", "role": "cli", "arrivals": {"perHour": 36000}, "apiCalls": 1,
          "crash": {"perHour": 10000, "during": "any"}}]
        """)
    let entry = try #require(StrategyCatalog.all.first { $0.name == "broker" })
    let world = World(
      scenario: try scenario(json), seed: 3, brokers: true, retention: .discard,
      makeStrategy: StrategyChoice(entry).makeStrategy)
    world.run()
    #expect(world.messagesDropped == 62)
    #expect(world.invariantViolations() == [])
  }

  @Test func aProcessThatBelievesItHoldsTheLockHoldsIt() throws {
    let world = try Self.sharedHostAtTenSeconds()
    world.processes[1].holdsLock = true
    #expect(
      world.invariantViolations() == ["process h/d (1) at t+10s believes it holds the store lock, which nobody holds"])
  }

  @Test func theLockHolderKnowsItHoldsTheLock() throws {
    let world = try Self.sharedHostAtTenSeconds()
    _ = world.hosts[0].lock.acquire(process: 2, ticket: 99, now: world.now)
    #expect(world.invariantViolations() == ["host h's store lock is held by process h/w (2) at t+10s, which does not know it"])
  }

  @Test func aProcessInTheLocksLineIsWaitingForIt() throws {
    let world = try Self.sharedHostAtTenSeconds()
    _ = world.hosts[0].lock.acquire(process: 1, ticket: 98, now: world.now)
    world.processes[1].holdsLock = true
    _ = world.hosts[0].lock.acquire(process: 2, ticket: 99, now: world.now)
    #expect(
      world.invariantViolations() == [
        "host h's store lock has process h/w (2) at t+10s waiting with ticket 99, but that process is not waiting for it"
      ])
  }

  @Test func aProcessWaitingForTheLockIsInItsLine() throws {
    let world = try Self.sharedHostAtTenSeconds()
    world.processes[2].lockTicket = 7
    #expect(
      world.invariantViolations() == [
        "process h/w (2) at t+10s waits for the store lock with ticket 7, which is not in the lock's line"
      ])
  }

  @Test func aProcessThatIsNotRunningHoldsNothing() throws {
    let world = try Self.sharedHostAtTenSeconds()
    _ = world.hosts[0].lock.acquire(process: 1, ticket: 98, now: world.now)
    world.processes[1].holdsLock = true
    world.processes[1].alive = false
    #expect(
      world.invariantViolations() == [
        "process h/d (1) at t+10s is not running but holds or waits for the store lock",
        "host h's store lock is held by process h/d (1) at t+10s, which does not know it",
      ])
  }

  @Test func theWorldAwaitsTheServerOnExactlyTheRequestsItHasInFlight() throws {
    let world = try Self.sharedHostAtTenSeconds()
    world.tokenRequests[99] = TokenRequestState(process: 1, incarnation: world.processes[1].incarnation, tag: 1)
    #expect(
      world.invariantViolations() == [
        "process h/d (1) at t+10s believes it has 0 token requests in flight, but 1 are open for it",
        "the world awaits the server on 1 token requests at t+10s, but the server has 0 in flight",
      ])
  }

  @Test func aProcessPresentsOnlyTokensTheServerIssued() async throws {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let json = oneHost(duration: "1m", processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "10s"}}]"#)
      _ = try run(json) { _ in ForgedTokenStrategy() }
    }
    let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    #expect(message.contains("process h/d (1) at t+0s calls the API with access token at-999, which the server never issued"))
  }

  @Test func aBrokenInvariantStopsTheRunWithItsMessage() async throws {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let world = try WorldInvariantTests.sharedHostAtTenSeconds()
      world.processes[1].holdsLock = true
      world.checkInvariants()
    }
    let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    #expect(message.contains("process h/d (1) at t+10s believes it holds the store lock, which nobody holds"))
  }

  @Test func aProcessThatIsNotRunningReceivesNoEvent() async throws {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let world = try WorldInvariantTests.sharedHostAtTenSeconds()
      world.processes[1].alive = false
      world.deliver(.lockGranted, to: 1)
    }
    let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    #expect(message.contains("a process that is not running receives no event: process h/d (1) at t+10s was given"))
  }

  @Test func schedulingBeforeNowStopsTheRun() async throws {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let world = try WorldInvariantTests.sharedHostAtTenSeconds()
      world.schedule(.lockStaleCheck(host: 0), at: .start + .seconds(5))
    }
    let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    #expect(message.contains("an event is scheduled at t+5s, before now (t+10s)"))
  }
}

/// Answers every call with an access token the server never minted.
private struct ForgedTokenStrategy: RefreshStrategy {
  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    guard case .tokenNeeded(let ask, _) = event else { return }
    actions.append(.grant(ask: ask, token: AccessToken(serial: 999)))
  }
}

import Testing

@testable import TokenSimKit

/// A run walked one event or one instant at a time, read like the story it tells.
@Suite struct WorldStepTests {
  /// One daemon calling every 10 s with 30-minute static tokens, under naive.
  private func daemonWorld() throws -> World {
    let json = oneHost(
      duration: "1d", server: #"{"accessTokenTTL": "30m", "rotation": "static"}"#,
      processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "10s"}}]"#)
    return World(scenario: try scenario(json), seed: 1) { _ in NaiveStrategy() }
  }

  private func sends(_ world: World) -> [SimInstant] {
    world.trace.compactMap { if case .tokenRequestSent = $0.kind { $0.time } else { nil } }
  }

  @Test func aDaemonRefreshesTenSecondsBeforeExpiryAndHasItsTokenAHundredMillisecondsLater() throws {
    let world = try daemonWorld()
    // The first step logs the host in and starts the daemon, at 0.
    #expect(world.step())
    #expect(world.now == .start)
    #expect(world.trace.map(\.kind.name).prefix(2) == ["login", "processStarted"])
    #expect(world.processes[1].alive)
    world.checkInvariants()

    // Its calls are answered from the login's token until the first call within 10 s of expiry.
    world.advance(to: .start + .seconds(1_789))
    #expect(world.now == .start + .seconds(1_789))
    #expect(sends(world).isEmpty)
    world.checkInvariants()

    // At 29m50s it sends the refresh; the reply is 100 ms away.
    world.advance(to: .start + .seconds(1_790))
    #expect(sends(world) == [.start + .seconds(1_790)])
    #expect(world.processes[1].refreshesInFlight == 1)
    world.checkInvariants()

    world.advance(to: .start + .seconds(1_790) + .milliseconds(100))
    #expect(world.processes[1].refreshesInFlight == 0)
    let ended = world.trace.compactMap { if case .tokenRequestEnded(_, _, let outcome, _, _) = $0.kind { outcome } else { nil } }
    #expect(ended == [.ok])
    world.checkInvariants()

    // The rest of the day: 48 refreshes in all, and the run stops at its end.
    world.run()
    #expect(world.stopReason == .endOfTime)
    #expect(world.now == .start + .days(1))
    #expect(sends(world).count == 48)
    #expect(!world.step())
  }

  @Test func stepByStepAndAllAtOnceRecordTheSameTrace() throws {
    let walked = try daemonWorld()
    var steps = 0
    while walked.step() { steps += 1 }
    let ran = try daemonWorld()
    ran.run()
    #expect(steps == ran.eventsProcessed)
    #expect(walked.trace.map(TraceLine.json) == ran.trace.map(TraceLine.json))
  }

  @Test func advancingPastTheEndStopsAtTheEnd() throws {
    let world = try daemonWorld()
    world.advance(to: .start + .days(2))
    #expect(world.now == .start + .days(1))
    #expect(world.hasStopped)
    #expect(world.stopReason == .endOfTime)
  }
}

extension TraceKind {
  /// The event's name as the trace writes it.
  var name: String {
    let line = TraceLine.json(TraceEvent(time: .start, kind: self))
    let start = line.range(of: #""event":""#)!.upperBound
    return String(line[start...].prefix { $0 != "\"" })
  }
}

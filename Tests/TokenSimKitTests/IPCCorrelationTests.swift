import Testing

@testable import TokenSimKit

/// Each client numbers its broker questions from 1, so clients asking at once hold the same
/// number: the world numbers every question on the wire anew (no two share a number), pairs an
/// answer with a question by who asked whom as well as by that number, and gives the asker back
/// its own; an answer awaits nothing, so no answer or failure meant for one client reaches another.
@Suite struct IPCCorrelationTests {
  /// A broker (process 1) and daemons a, b, c (2, 3, 4), each asking question 1 at start.
  static let host = oneHost(
    duration: "10s",
    processes: """
      [{"name": "broker", "role": "broker"},
       {"name": "a", "role": "daemon", "cycle": {"every": "1h"}},
       {"name": "b", "role": "daemon", "cycle": {"every": "1h"}},
       {"name": "c", "role": "daemon", "cycle": {"every": "1h"}, "crash": {"at": "1001500us"}}]
      """)

  /// Runs `host` with each process following its script, and returns what each process heard.
  static func run(_ scripts: [Int: IPCScript]) throws -> (heard: [Int: [Heard]], world: World) {
    let log = IPCLog()
    let world = World(scenario: try scenario(host), seed: 1, brokers: true) { _ in
      ScriptedIPCStrategy(scripts: scripts, log: log)
    }
    world.advance(to: .start)
    #expect((1...4).map(world.name(of:)) == ["h/broker", "h/a", "h/b", "h/c"])
    world.run()
    return (log.heard, world)
  }

  /// Three clients ask question 1 at once; the broker answers each a second later. a waits and
  /// gets its answer; b gave up at 0.5 s (its failure; its late answer, which no question awaits,
  /// is not given to it: a question ends once); c crashed while its answer travelled (dropped).
  /// The broker hears the three questions, numbered 1, 2 and 3 on the wire, and no failure:
  /// before, its answers awaited a reply by number alone and one `messageFailed(1)` came back for
  /// the three, naming no client.
  @Test func eachClientHearsOnlyItsOwnAnswerAndTheBrokerNoFailure() throws {
    let (heard, world) = try Self.run([
      1: .answerAfter(.seconds(1)), 2: .ask(wait: .seconds(3)), 3: .ask(wait: .milliseconds(500)),
      4: .ask(wait: .seconds(3)),
    ])
    #expect(
      heard[1] == [
        Heard(.milliseconds(1), .messageReceived(from: 2, message: IPCMessage(kind: .ask, correlation: 1))),
        Heard(.milliseconds(1), .messageReceived(from: 3, message: IPCMessage(kind: .ask, correlation: 2))),
        Heard(.milliseconds(1), .messageReceived(from: 4, message: IPCMessage(kind: .ask, correlation: 3))),
      ])
    #expect(heard[2] == [Heard(.milliseconds(1_002), .messageReceived(from: 1, message: .answer(for: 2)))])
    #expect(heard[3] == [Heard(.milliseconds(500), .messageFailed(correlation: 1))])
    #expect(heard[4] == nil)
    #expect(world.messagesDropped == 1)
  }

  /// a's question 1 to the broker is not answered by b's answer numbered 1, which a never asked
  /// b for and is not given: a's question fails when its wait runs out (before, b's answer ended
  /// it, and a waited for nothing).
  @Test func anAnswerFromAnotherProcessDoesNotAnswerAQuestion() throws {
    let (heard, _) = try Self.run([1: .silent, 2: .ask(wait: .seconds(3)), 3: .answer(to: 2)])
    #expect(heard[2] == [Heard(.seconds(3), .messageFailed(correlation: 1))])
  }
}

/// What a process of `IPCCorrelationTests` does.
enum IPCScript {
  /// Asks the broker question 1 at start and waits `wait` for the answer.
  case ask(wait: SimDuration)
  /// Answers every question `delay` after the first arrives.
  case answerAfter(SimDuration)
  /// Sends process `to` an answer numbered 1 at start, unasked.
  case answer(to: Int)
  /// Says nothing.
  case silent
}

/// An IPC event a process heard, and when.
struct Heard: Equatable {
  var time: SimDuration
  var event: StrategyEvent

  init(_ time: SimDuration, _ event: StrategyEvent) { (self.time, self.event) = (time, event) }
}

/// What each process heard over IPC, by process id.
final class IPCLog {
  var heard: [Int: [Heard]] = [:]
}

extension IPCMessage {
  /// The answer numbered 1 from the broker to client `client`, its token labelled with the
  /// client's id (never presented to the server).
  static func answer(for client: Int) -> IPCMessage {
    IPCMessage(
      kind: .token, correlation: 1,
      credentials: Credentials(accessToken: AccessToken(serial: client), accessExpiresAt: nil, refreshToken: nil))
  }
}

/// Follows its process's `IPCScript`, logs every IPC event it hears, and denies every call.
private struct ScriptedIPCStrategy: RefreshStrategy {
  let scripts: [Int: IPCScript]
  let log: IPCLog
  private var waiting: [Int] = []

  init(scripts: [Int: IPCScript], log: IPCLog) { (self.scripts, self.log) = (scripts, log) }

  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    let id = context.processID
    switch (event, scripts[id] ?? .silent) {
    case (.started, .ask(let wait)):
      actions.append(.send(message: IPCMessage(kind: .ask, correlation: 1), to: nil, timeout: wait))
    case (.started, .answer(let client)):
      actions.append(.send(message: .answer(for: id), to: client, timeout: .seconds(1)))
    case (.messageReceived(let from, _), .answerAfter(let delay)):
      heard(event, by: id, at: context.now)
      if waiting.isEmpty { actions.append(.setTimer(name: TimerName("answer"), at: context.now + delay)) }
      waiting.append(from)
    case (.timerFired, .answerAfter):
      for client in waiting { actions.append(.send(message: .answer(for: client), to: client, timeout: .seconds(1))) }
      waiting = []
    case (.messageReceived, _), (.messageFailed, _):
      heard(event, by: id, at: context.now)
    case (.tokenNeeded(let ask, _), _):
      actions.append(.deny(ask: ask, reason: "no token in this test"))
    default:
      return
    }
  }

  private func heard(_ event: StrategyEvent, by id: Int, at now: SimInstant) {
    log.heard[id, default: []].append(Heard(now - .start, event))
  }
}

import Testing

@testable import TokenSimKit

/// A restarted process is a new program: it may number its questions from 1 again, as a real one
/// does, and an answer to a question of its earlier incarnation is not its answer. The world
/// numbers the questions on the wire itself, uniquely over the run, and gives
/// an answer only to the incarnation whose question awaits it.
@Suite struct IPCIncarnationTests {
  /// A broker (process 1) that answers each question 1 s after it arrives, and a client c
  /// (process 2) that asks question 1 at every start and waits 3 s. c crashes at 0.5 s and is
  /// back at 0.999 s.
  static let host = oneHost(
    duration: "10s",
    processes: """
      [{"name": "broker", "role": "broker"},
       {"name": "c", "role": "daemon", "cycle": {"every": "1h"}, "crash": {"at": "500ms"}, "restartAfter": "499ms"}]
      """)

  /// c's first incarnation asks at 0 s (the broker has it at 1 ms and answers at 1.001 s); its
  /// second asks at 0.999 s (the broker has it at 1 s and answers at 2 s). The first answer
  /// reaches the second incarnation at 1.002 s, while its own question 1 is pending: it is
  /// dropped, and c hears only its own answer, at 2.001 s. Before, c took the first answer (the
  /// token labelled 1, for the question the broker heard at 1 ms) as its own at 1.002 s, and
  /// heard its own answer after as well.
  @Test func anAnswerToAnEarlierIncarnationIsNotTheAnswerOfTheNextOne() throws {
    let log = IPCLog()
    let world = World(scenario: try scenario(Self.host), seed: 1, brokers: true) { _ in
      RestartingAsker(log: log)
    }
    world.run()
    let answer = IPCMessage(
      kind: .token, correlation: 1,
      credentials: Credentials(accessToken: AccessToken(serial: 1_000), accessExpiresAt: nil, refreshToken: nil))
    #expect(log.heard[2] == [Heard(.milliseconds(2_001), .messageReceived(from: 1, message: answer))])
    #expect(world.processes[2].incarnation == 2)
  }

  /// The broker sees the world's numbers: 1 for c's first question, 2 for its second, though c
  /// called both 1; the answer given to c carries c's own number (above).
  @Test func theWireNumbersQuestionsAcrossIncarnations() throws {
    let log = IPCLog()
    let world = World(scenario: try scenario(Self.host), seed: 1, brokers: true) { _ in
      RestartingAsker(log: log)
    }
    world.run()
    #expect(
      log.heard[1] == [
        Heard(.milliseconds(1), .messageReceived(from: 2, message: IPCMessage(kind: .ask, correlation: 1))),
        Heard(.milliseconds(1_000), .messageReceived(from: 2, message: IPCMessage(kind: .ask, correlation: 2))),
      ])
  }
}

/// As the broker, answers each question 1 s after it arrives with a token labelled with the
/// millisecond it arrived; as a client, asks question 1 at every start and waits 3 s. Logs every
/// IPC event it hears.
private struct RestartingAsker: RefreshStrategy {
  let log: IPCLog
  /// The broker's questions to answer, in arrival order: who asked, their number, when.
  private var held: [(client: Int, correlation: Int, at: SimInstant)] = []

  init(log: IPCLog) { self.log = log }

  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    switch event {
    case .started where context.role != .broker:
      actions.append(.send(message: IPCMessage(kind: .ask, correlation: 1), to: nil, timeout: .seconds(3)))
    case .messageReceived(let from, let message) where context.role == .broker:
      log.heard[context.processID, default: []].append(Heard(context.now - .start, event))
      held.append((from, message.correlation, context.now))
      actions.append(.setTimer(name: TimerName("answer-\(held.count)"), at: context.now + .seconds(1)))
    case .timerFired where context.role == .broker && !held.isEmpty:
      let question = held.removeFirst()
      let label = AccessToken(serial: Int((question.at - .start).microseconds / 1_000))
      let credentials = Credentials(accessToken: label, accessExpiresAt: nil, refreshToken: nil)
      let answer = IPCMessage(kind: .token, correlation: question.correlation, credentials: credentials)
      actions.append(.send(message: answer, to: question.client, timeout: .seconds(1)))
    case .messageReceived, .messageFailed:
      log.heard[context.processID, default: []].append(Heard(context.now - .start, event))
    case .tokenNeeded(let ask, _):
      actions.append(.deny(ask: ask, reason: "no token in this test"))
    default:
      return
    }
  }
}

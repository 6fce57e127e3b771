/// The broker side of the broker strategy: a `RefreshClient` that owns the store, whose calls
/// are its clients' questions.
///
/// A client has one question open at a time: one that asks again has given up on its earlier
/// question (its wait ran out) and would ignore the answer, so the new question replaces the old.
/// A question older than twice the clients' wait (`brokerTimeout`) has no one waiting for it
/// either: its client gave up, then asked again or ended (a crashed or exited client never asks
/// again). The broker forgets it without a reply, but still owes the refresh it asked for: the
/// engine keeps one stand-in call for all the questions forgotten since its last answer, so it
/// refreshes and retries exactly as if they still waited, and answers no one who has left.
/// What the broker holds follows the clients waiting, not how long they have waited nor how many
/// left: neither a client asking every few seconds through a long outage nor thousands of clients
/// ending while they wait pile up questions to answer at once.
///
/// A question is known by its client and its number (`correlation`, the world's for it, unique in
/// the run, though each client numbers its own from 1). A reply carries that number to the one
/// client it is addressed to, and awaits nothing: the world never gives the broker a
/// `messageFailed`, so no failure of one client's answer can be taken for another's.
struct BrokerServer {
  /// A question held: who asked it and when, by the broker's clock.
  private struct Question {
    var client: Int
    var correlation: Int
    var askedAt: SimInstant
  }

  private var client: RefreshClient
  private let replyTimeout: SimDuration
  /// How long after it was asked a question is abandoned: twice `replyTimeout`.
  private let abandonAfter: SimDuration
  /// The questions held, by ask number: the oldest first.
  private var questions = KeyedLine<Question>()
  /// Each client's open question, by client process id.
  private var openAsk: [Int: Int] = [:]
  /// The engine's call that stands for the questions forgotten unanswered, if any.
  private var standIn: Int?
  private var nextAsk = 1

  /// How many questions the broker holds (at most one per client).
  var questionsHeld: Int { questions.count }

  init(policy: RefreshPolicy, replyTimeout: SimDuration) {
    // Retrying a refused call is the client's choice: the broker only answers questions.
    var policy = policy
    policy.retryRejectedCall = false
    client = RefreshClient(policy: policy, coordination: .none)
    self.replyTimeout = replyTimeout
    abandonAfter = replyTimeout.saturatingMultiplied(by: 2)
  }

  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    forgetAbandoned(now: context.now)
    let engineActions = actions.count
    switch event {
    case .messageReceived(let from, let message) where message.kind == .ask:
      let ask = nextAsk
      nextAsk += 1
      if let superseded = openAsk.updateValue(ask, forKey: from) {
        questions.removeValue(forKey: superseded)
        client.asks.withdraw(superseded)
      }
      questions.append(ask, Question(client: from, correlation: message.correlation, askedAt: context.now))
      if let refused = message.credentials?.accessToken {
        client.handle(.apiRejected(ask: ask, token: refused, status: 401), context: &context, actions: &actions)
      }
      client.handle(.tokenNeeded(ask: ask, forceRefresh: false), context: &context, actions: &actions)
    case .messageReceived, .tokenNeeded, .apiRejected:
      return
    case .messageFailed:
      // Never given: the broker only answers, and an answer awaits nothing.
      return
    case .started:
      questions.removeAll()
      openAsk.removeAll()
      standIn = nil
      client.handle(event, context: &context, actions: &actions)
    default:
      client.handle(event, context: &context, actions: &actions)
    }
    answer(&actions, from: engineActions)
  }

  /// Turns the engine's answers to asks (the actions from `start` on) into replies to the clients
  /// who asked, in place.
  private mutating func answer(_ actions: inout [StrategyAction], from start: Int) {
    var kept = start
    for index in start..<actions.count {
      guard let reply = answer(actions[index]) else { continue }
      actions[kept] = reply
      kept += 1
    }
    actions.removeSubrange(kept...)
  }

  /// The reply to a grant or denial (nil when its question was withdrawn), or any other action
  /// as it is.
  private mutating func answer(_ action: StrategyAction) -> StrategyAction? {
    switch action {
    case .grant(let ask, let token):
      guard let question = takeQuestion(ask) else { return nil }
      let credentials = Credentials(
        accessToken: token, accessExpiresAt: client.credentials?.accessExpiresAt, refreshToken: nil)
      let reply = IPCMessage(kind: .token, correlation: question.correlation, credentials: credentials)
      return .send(message: reply, to: question.client, timeout: replyTimeout)
    case .deny(let ask, _):
      guard let question = takeQuestion(ask) else { return nil }
      let reply = IPCMessage(kind: .noToken, correlation: question.correlation)
      return .send(message: reply, to: question.client, timeout: replyTimeout)
    default:
      return action
    }
  }

  /// Removes question `ask`, answered now, and returns who asked it (nil for the stand-in).
  private mutating func takeQuestion(_ ask: Int) -> Question? {
    if ask == standIn { standIn = nil }
    guard let question = questions.removeValue(forKey: ask) else { return nil }
    openAsk.removeValue(forKey: question.client)
    return question
  }

  /// Forgets the questions no one waits for any more (asked at least twice `replyTimeout` ago):
  /// the first becomes the engine's stand-in call, the others leave the engine's line. A reply
  /// would come after its client's wait ran out, so no client sees a difference.
  private mutating func forgetAbandoned(now: SimInstant) {
    while let forgotten = questions.removeFirst(if: { now - $0.askedAt >= abandonAfter }) {
      openAsk.removeValue(forKey: forgotten.value.client)
      if standIn == nil { standIn = forgotten.key } else { client.asks.withdraw(forgotten.key) }
    }
  }
}

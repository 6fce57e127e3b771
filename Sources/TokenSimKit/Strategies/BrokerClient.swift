/// The client side of the broker strategy: asks the host's broker for an access token.
///
/// It numbers its questions 1, 2, 3…; the world carries each under a number of its own, which no
/// other question in the run shares, and pairs the broker's answer with the question by who asked
/// whom as well as by that number, so the same number held by another client, or by this
/// client's earlier incarnation, never answers or fails this one's question.
struct BrokerClient {
  let refreshWindow: SimDuration
  let timeout: SimDuration
  let attempts: Int
  let retryDelay: SimDuration
  let fallback: BrokerFallback
  let retryRejectedCall: Bool

  private var cached: Credentials?
  private var rejected: AccessToken?
  private var asks = WaitingCalls()
  private var outstanding: Int?
  private var failedAttempts = 0
  private var nextCorrelation = 1
  private var readingStore = false
  /// The needs-login alert for a store that held no session was raised since this start.
  private var toldNotLoggedIn = false

  init(_ parameters: StrategyParameters) {
    refreshWindow = parameters.duration("refreshWindow")
    timeout = parameters.duration("brokerTimeout")
    attempts = parameters.integer("brokerAttempts")
    retryDelay = parameters.duration("brokerRetryDelay")
    fallback = BrokerFallback(rawValue: parameters.word("brokerFallback"))!
    retryRejectedCall = parameters.bool("retryRejectedCall")
  }

  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    switch event {
    case .started:
      (cached, rejected, asks, outstanding, failedAttempts) = (nil, nil, WaitingCalls(), nil, 0)
      (readingStore, toldNotLoggedIn) = (false, false)
    case .tokenNeeded(let ask, _):
      asks.add(ask)
      serve(context.now, &actions)
    case .apiRejected(let ask, let token, _):
      if cached?.accessToken == token { (cached, rejected) = (nil, token) }
      guard retryRejectedCall else { return }
      asks.add(ask)
      actions.append(.retryCall(ask: ask))
      serve(context.now, &actions)
    case .messageReceived(_, let message) where message.correlation == outstanding:
      answered(message, &actions)
    case .messageFailed(let correlation) where correlation == outstanding:
      unanswered(context.now, &actions)
    case .timerFired(.broker):
      if asks.isEmpty || outstanding != nil || readingStore { return }
      askBroker(&actions)
    case .storeRead(let result) where readingStore:
      readingStore = false
      fellBack(to: result, now: context.now, &actions)
    default:
      return
    }
  }

  private mutating func serve(_ now: SimInstant, _ actions: inout [StrategyAction]) {
    if let cached, cached.accessIsUsable(at: now, margin: refreshWindow), let token = cached.accessToken {
      return asks.grantAll(token, into: &actions)
    }
    if outstanding == nil && !readingStore { askBroker(&actions) }
  }

  private mutating func askBroker(_ actions: inout [StrategyAction]) {
    let correlation = nextCorrelation
    nextCorrelation += 1
    outstanding = correlation
    let stale = rejected.map { Credentials(accessToken: $0, accessExpiresAt: nil, refreshToken: nil) }
    let message = IPCMessage(kind: .ask, correlation: correlation, credentials: stale)
    actions.append(.send(message: message, to: nil, timeout: timeout))
  }

  private mutating func answered(_ message: IPCMessage, _ actions: inout [StrategyAction]) {
    outstanding = nil
    failedAttempts = 0
    guard message.kind == .token, let credentials = message.credentials, let token = credentials.accessToken else {
      return asks.denyAll("the broker has no token", into: &actions)
    }
    (cached, rejected) = (credentials, nil)
    asks.grantAll(token, into: &actions)
  }

  private mutating func unanswered(_ now: SimInstant, _ actions: inout [StrategyAction]) {
    outstanding = nil
    failedAttempts += 1
    guard failedAttempts >= attempts else { return actions.append(.setTimer(name: .broker, at: now + retryDelay)) }
    failedAttempts = 0
    switch fallback {
    case .wait: actions.append(.setTimer(name: .broker, at: now + retryDelay))
    case .fail: asks.denyAll("the broker did not answer", into: &actions)
    case .readStore:
      readingStore = true
      actions.append(.readStore)
    }
  }

  /// The fallback's store read is done: a usable access token the API has not refused serves the
  /// calls; otherwise they fail. A client left with no pair at all (no answer from the broker
  /// since its start, and this read found an empty or torn file) first tells a person, once per
  /// start, as the refresh engine does (`NoSessionAlert`): it has no other way to a token now.
  /// A torn read of a write in progress alerts too, as a single read of the engine's clients
  /// does, and the next fallback whose read is whole serves the calls; a client that holds a pair
  /// (the broker's last answer, expired or refused) or reads one (expired) alerts nothing.
  private mutating func fellBack(to result: StoreReadResult, now: SimInstant, _ actions: inout [StrategyAction]) {
    let stored: Credentials? = if case .contents(let contents) = result { contents.credentials } else { nil }
    guard let stored, stored.accessIsUsable(at: now, margin: refreshWindow), let token = stored.accessToken,
      token != rejected
    else {
      if cached == nil, rejected == nil, stored == nil { NoSessionAlert.raise(once: &toldNotLoggedIn, into: &actions) }
      return asks.denyAll("the broker did not answer and the stored token is not usable", into: &actions)
    }
    cached = stored
    asks.grantAll(token, into: &actions)
  }
}

extension TimerName {
  /// A broker client asks the broker again.
  static let broker = TimerName("broker")
}

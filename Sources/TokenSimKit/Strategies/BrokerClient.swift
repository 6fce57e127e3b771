/// The client side of the broker strategy: asks the host's broker for an access token.
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

  init(_ parameters: StrategyParameters) {
    refreshWindow = parameters.duration("refreshWindow")
    timeout = parameters.duration("brokerTimeout")
    attempts = parameters.integer("brokerAttempts")
    retryDelay = parameters.duration("brokerRetryDelay")
    fallback = BrokerFallback(rawValue: parameters.word("brokerFallback"))!
    retryRejectedCall = parameters.bool("retryRejectedCall")
  }

  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext) -> [StrategyAction] {
    switch event {
    case .started:
      (cached, rejected, asks, outstanding, failedAttempts, readingStore) = (nil, nil, WaitingCalls(), nil, 0, false)
      return []
    case .tokenNeeded(let ask, _):
      asks.add(ask)
      return serve(context.now)
    case .apiRejected(let ask, let token, _):
      if cached?.accessToken == token { (cached, rejected) = (nil, token) }
      guard retryRejectedCall else { return [] }
      asks.add(ask)
      return [.retryCall(ask: ask)] + serve(context.now)
    case .messageReceived(_, let message) where message.correlation == outstanding:
      return answered(message)
    case .messageFailed(let correlation) where correlation == outstanding:
      return unanswered(context.now)
    case .timerFired(.broker):
      return asks.isEmpty || outstanding != nil || readingStore ? [] : askBroker()
    case .storeRead(let result) where readingStore:
      readingStore = false
      return fellBack(to: result, now: context.now)
    default:
      return []
    }
  }

  private mutating func serve(_ now: SimInstant) -> [StrategyAction] {
    if let cached, cached.accessIsUsable(at: now, margin: refreshWindow), let token = cached.accessToken {
      return grantAll(token)
    }
    return outstanding == nil && !readingStore ? askBroker() : []
  }

  private mutating func askBroker() -> [StrategyAction] {
    let correlation = nextCorrelation
    nextCorrelation += 1
    outstanding = correlation
    let stale = rejected.map { Credentials(accessToken: $0, accessExpiresAt: nil, refreshToken: nil) }
    let message = IPCMessage(kind: .ask, correlation: correlation, credentials: stale)
    return [.send(message: message, to: nil, timeout: timeout)]
  }

  private mutating func answered(_ message: IPCMessage) -> [StrategyAction] {
    outstanding = nil
    failedAttempts = 0
    guard message.kind == .token, let credentials = message.credentials, let token = credentials.accessToken else {
      return denyAll("the broker has no token")
    }
    (cached, rejected) = (credentials, nil)
    return grantAll(token)
  }

  private mutating func unanswered(_ now: SimInstant) -> [StrategyAction] {
    outstanding = nil
    failedAttempts += 1
    guard failedAttempts >= attempts else { return [.setTimer(name: .broker, at: now + retryDelay)] }
    failedAttempts = 0
    switch fallback {
    case .wait: return [.setTimer(name: .broker, at: now + retryDelay)]
    case .fail: return denyAll("the broker did not answer")
    case .readStore:
      readingStore = true
      return [.readStore]
    }
  }

  private mutating func fellBack(to result: StoreReadResult, now: SimInstant) -> [StrategyAction] {
    guard case .contents(let contents) = result, let stored = contents.credentials,
      stored.accessIsUsable(at: now, margin: refreshWindow), let token = stored.accessToken, token != rejected
    else { return denyAll("the broker did not answer and the stored token is not usable") }
    cached = stored
    return grantAll(token)
  }

  private mutating func grantAll(_ token: AccessToken) -> [StrategyAction] { asks.grantAll(token) }

  private mutating func denyAll(_ reason: String) -> [StrategyAction] { asks.denyAll(reason) }
}

extension TimerName {
  /// A broker client asks the broker again.
  static let broker = TimerName("broker")
}

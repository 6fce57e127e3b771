/// **broker**: one broker process per host owns the session and refreshes single-flight; the
/// other processes ask it for an access token over local IPC. Modelled on kubectl exec
/// credential plugins, AWS `credential_process` and the container credentials endpoint, MSAL's
/// WAM broker and Codex's external auth.
///
/// - Clients ask the broker (`token?`) with a timeout (`brokerTimeout`, 5 s) and up to
///   `brokerAttempts` (3) attempts `brokerRetryDelay` apart; a 401 from the API is passed on so
///   the broker refreshes instead of handing out the same token.
/// - When the broker does not answer: `wait` keeps asking (calls wait), `read-store` uses the
///   access token in the store if it is still valid (never refreshing it; a client holding nothing
///   that finds the store empty or torn raises the needs-login alert once per start), `fail`
///   fails the calls.
/// - The broker reads the store at start, refreshes proactively (5 min) and on demand with one
///   request at a time, retries with exponential backoff honouring Retry-After, writes the store
///   so that a restarted broker resumes, and raises needs-login on a refused refresh token.
///
/// Known failure: while the broker is down clients fail or wait; a broker that crashes after the
/// server rotated the token but before writing the store resumes with a rotated-away token.
public struct BrokerStrategy: BuiltInStrategy {
  public static let name = "broker"
  public static let summary =
    "one broker per host owns the refresh token and refreshes single-flight; clients ask over IPC (kubectl exec, WAM)"
  public static let usesBroker = true
  public static let parameters = CommonParameters.overriding(
    [
      "advisoryWindow": .duration(.minutes(5)), "proactiveWindow": .duration(.minutes(5)),
      "requestTimeout": .duration(.seconds(30)), "backoff": .word("exponential"), "backoffBase": .duration(.seconds(1)),
      "backoffCap": .duration(.seconds(60)), "maxRetries": .integer(3), "honorRetryAfter": .bool(true),
      "onRejected": .word("needs-login"), "whenThrottled": .word("wait"),
    ],
    adding: [
      .init(
        "brokerTimeout", .duration(.milliseconds(1)...SimDuration.minutes(10)), default: .duration(.seconds(5)),
        "how long a client waits for the broker's answer"),
      .init("brokerAttempts", .integer(1...100), default: .integer(3), "how many times a client asks before its fallback"),
      .init(
        "brokerRetryDelay", .duration(.zero...SimDuration.minutes(10)), default: .duration(.seconds(1)),
        "pause between a client's attempts"),
      .init(
        "brokerFallback", .word(BrokerFallback.allCases.map(\.rawValue)), default: .word("wait"),
        "what a client does when the broker does not answer: wait, read-store, or fail"),
    ])

  /// One of the two sides is set. They are optionals mutated through `!`, not the payloads of an
  /// enum: taking a payload out to mutate it would leave a second reference to its questions and
  /// waiting calls, and copy them on every event (O(n) in the calls waiting on the broker).
  private var client: BrokerClient?
  private var broker: BrokerServer?

  /// Creates the strategy from resolved parameters: the broker side for a broker process, the
  /// client side for the others.
  public init(parameters: StrategyParameters, role: ProcessRole) {
    if role == .broker {
      broker = BrokerServer(policy: RefreshPolicy(parameters), replyTimeout: parameters.duration("brokerTimeout"))
    } else {
      client = BrokerClient(parameters)
    }
  }

  /// How many questions the broker side holds; nil on the client side.
  var questionsHeld: Int? { broker?.questionsHeld }

  public mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    if broker != nil { return broker!.handle(event, context: &context, actions: &actions) }
    client!.handle(event, context: &context, actions: &actions)
  }
}

/// What a broker client does when the broker does not answer.
public enum BrokerFallback: String, Equatable, Sendable, CaseIterable {
  /// Keep asking; calls wait.
  case wait
  /// Use the store's access token if it is still valid, without refreshing it.
  case readStore = "read-store"
  /// Fail the calls.
  case fail
}

/// The refresh knobs every built-in strategy shares, read from its resolved parameters.
public struct RefreshPolicy: Equatable, Sendable {
  /// Refresh before a call when the access token expires within this (the mandatory window).
  public var refreshWindow: SimDuration
  /// Refresh opportunistically when the token expires within this; a failure is swallowed and
  /// the still-valid token used. Nil: no advisory window.
  public var advisoryWindow: SimDuration?
  /// Arm the `refresh` timer this long before expiry so a refresh happens without calls.
  public var proactiveWindow: SimDuration?
  /// The client's timeout for one token request; nil waits as long as the server takes.
  public var requestTimeout: SimDuration?
  /// The delay after a transient failure.
  public var backoff: Backoff
  /// How many times a required refresh is retried while its calls wait.
  public var maxRetries: Int
  /// Whether a `Retry-After` header sets the next attempt.
  public var honorRetryAfter: Bool
  /// The longest `Retry-After` honoured.
  public var retryAfterCap: SimDuration
  /// What an HTTP-date `Retry-After` is measured against.
  public var retryAfterClock: RetryAfterClock
  /// Which expiry a new access token is given.
  public var expiryFrom: ExpirySource
  /// Whether an honoured `Retry-After` replaces the backoff or only lengthens it.
  public var retryAfterUse: RetryAfterUse
  /// A gRPC-style retry budget, when enabled.
  public var retryBudget: RetryBudget?
  /// What a refused refresh token leads to.
  public var onRejected: AuthFailureReaction
  /// What a 401 from the API leads to.
  public var onAPIRejected: APIRejectionReaction
  /// Whether a call the API refused with 401 is sent once more with a fresh token (reread or
  /// refreshed) instead of failing.
  public var retryRejectedCall: Bool
  /// After retries are exhausted, try again on a timer this often with no call needed. Nil: wait
  /// for the next call (passive recovery).
  public var recoveryInterval: SimDuration?
  /// A client that leaves refreshing to its timer (`refreshOnDemand` false) arms active recovery
  /// when the API has refused its token this many times in a row: 1 at the first 401, 6 for seed
  /// 000's client, whose five retries of a message are exhausted at the sixth.
  public var recoveryAfterRejections: Int
  /// The refresh timer is a loop that checks the token this often, the first check one tick after
  /// start (seed 002's refresher, every 60 s). Nil: it fires at the proactive moment itself.
  public var schedulerTick: SimDuration?
  /// At start, refresh at once if the stored token is inside the refresh windows.
  public var startupCheck: Bool
  /// Whether a call may trigger a refresh; false leaves refreshing to the `refresh` timer alone.
  public var refreshOnDemand: Bool
  /// No two token requests closer together than this.
  public var minAttemptInterval: SimDuration?
  /// What a call does while a required refresh is throttled.
  public var whenThrottled: ThrottledCallPolicy

  /// Reads the shared knobs from resolved parameters declared with `RefreshPolicy.parameters`.
  public init(_ parameters: StrategyParameters) {
    refreshWindow = parameters.duration("refreshWindow")
    advisoryWindow = parameters.optionalDuration("advisoryWindow")
    proactiveWindow = parameters.optionalDuration("proactiveWindow")
    requestTimeout = parameters.optionalDuration("requestTimeout")
    backoff = Backoff(
      kind: Backoff.Kind(rawValue: parameters.word("backoff"))!, base: parameters.duration("backoffBase"),
      cap: parameters.duration("backoffCap"))
    maxRetries = parameters.integer("maxRetries")
    honorRetryAfter = parameters.bool("honorRetryAfter")
    retryAfterCap = parameters.duration("retryAfterCap")
    retryAfterUse = RetryAfterUse(rawValue: parameters.word("retryAfterUse"))!
    retryAfterClock = RetryAfterClock(rawValue: parameters.word("retryAfterClock"))!
    expiryFrom = ExpirySource(rawValue: parameters.word("expiryFrom"))!
    retryBudget = parameters.bool("retryBudget") ? RetryBudget() : nil
    onRejected = AuthFailureReaction(rawValue: parameters.word("onRejected"))!
    onAPIRejected = APIRejectionReaction(rawValue: parameters.word("onApiRejected"))!
    retryRejectedCall = parameters.bool("retryRejectedCall")
    recoveryInterval = parameters.optionalDuration("recoveryInterval")
    recoveryAfterRejections = parameters.integer("recoveryAfterRejections")
    schedulerTick = parameters.optionalDuration("schedulerTick")
    startupCheck = parameters.bool("startupCheck")
    refreshOnDemand = parameters.bool("refreshOnDemand")
    minAttemptInterval = parameters.optionalDuration("minAttemptInterval")
    whenThrottled = ThrottledCallPolicy(rawValue: parameters.word("whenThrottled"))!
  }
}

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
  /// Whether an honoured `Retry-After` replaces the backoff or only lengthens it.
  public var retryAfterUse: RetryAfterUse
  /// A gRPC-style retry budget, when enabled.
  public var retryBudget: RetryBudget?
  /// What a refused refresh token leads to.
  public var onRejected: AuthFailureReaction
  /// What a 401 from the API leads to.
  public var onAPIRejected: APIRejectionReaction
  /// After retries are exhausted, try again on a timer this often with no call needed. Nil: wait
  /// for the next call (passive recovery).
  public var recoveryInterval: SimDuration?
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
    retryBudget = parameters.bool("retryBudget") ? RetryBudget() : nil
    onRejected = AuthFailureReaction(rawValue: parameters.word("onRejected"))!
    onAPIRejected = APIRejectionReaction(rawValue: parameters.word("onApiRejected"))!
    recoveryInterval = parameters.optionalDuration("recoveryInterval")
    startupCheck = parameters.bool("startupCheck")
    refreshOnDemand = parameters.bool("refreshOnDemand")
    minAttemptInterval = parameters.optionalDuration("minAttemptInterval")
    whenThrottled = ThrottledCallPolicy(rawValue: parameters.word("whenThrottled"))!
  }
}

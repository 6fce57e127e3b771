/// The declarations of the knobs every built-in strategy shares. Each strategy takes these with
/// its exemplar's defaults (`overriding`) and adds its own.
public enum CommonParameters {
  static let window = SimDuration.zero...SimDuration.days(1)
  static let delay = SimDuration.zero...SimDuration.days(1)
  static let timeout = SimDuration.milliseconds(1)...SimDuration.hours(1)

  /// The shared knobs at naive's defaults (Go x/oauth2).
  public static let all: [StrategyParameter] = [
    .init(
      "refreshWindow", .duration(window), default: .duration(.seconds(10)),
      "refresh before a call when the access token expires within this"),
    .init(
      "advisoryWindow", .optionalDuration(window), default: .off,
      "refresh opportunistically inside this window; a failure is swallowed and the valid token kept"),
    .init(
      "proactiveWindow", .optionalDuration(window), default: .off,
      "a timer (the refresh scheduler) refreshes this long before expiry, calls or not"),
    .init(
      "requestTimeout", .optionalDuration(timeout), default: .off,
      "timeout of one token request; none waits as long as the server takes"),
    .init(
      "backoff", .word(Backoff.Kind.allCases.map(\.rawValue)), default: .word("none"), "delay shape after a transient failure"),
    .init("backoffBase", .duration(delay), default: .duration(.seconds(1)), "first backoff delay (lower bound for uniform)"),
    .init("backoffCap", .duration(delay), default: .duration(.seconds(60)), "largest backoff delay"),
    .init("maxRetries", .integer(0...100), default: .integer(0), "retries of a required refresh while its calls wait"),
    .init(
      "honorRetryAfter", .bool, default: .bool(false), "whether Retry-After (delay-seconds or HTTP-date) sets the next attempt"),
    .init(
      "retryAfterCap", .duration(delay), default: .duration(.seconds(300)), "longest Retry-After honoured (Envoy's cap is 300 s)"),
    .init(
      "retryAfterClock", .word(RetryAfterClock.allCases.map(\.rawValue)), default: .word("local-clock"),
      "an HTTP-date Retry-After is measured against the host clock (urllib3) or the reply's Date (RFC 9110)"),
    .init(
      "expiryFrom", .word(ExpirySource.allCases.map(\.rawValue)), default: .word("expires-in"),
      "a new token expires expires_in after the reply arrived (x/oauth2, MSAL, botocore) or at the server's exp (kubelogin)"),
    .init(
      "retryAfterUse", .word(RetryAfterUse.allCases.map(\.rawValue)), default: .word("replaces-backoff"),
      "an honoured Retry-After replaces the backoff (Codex, urllib3) or only lengthens it (Azure.Core)"),
    .init(
      "retryBudget", .bool, default: .bool(false), "gRPC retry throttling: bucket of 10, +0.1 per success, retry only above half"),
    .init(
      "onRejected", .word(AuthFailureReaction.allCases.map(\.rawValue)), default: .word("restart-work-loop"),
      "reaction when the token endpoint refuses the refresh token"),
    .init(
      "onApiRejected", .word(APIRejectionReaction.allCases.map(\.rawValue)), default: .word("refresh"),
      "reaction when the API answers 401"),
    .init(
      "retryRejectedCall", .bool, default: .bool(false),
      "after a 401 from the API, get a fresh token (reread or refresh) and send the call once more (Codex, google-auth)"),
    .init(
      "recoveryInterval", .optionalDuration(timeout), default: .off,
      "after retries are exhausted, retry on a timer this often (active recovery); none waits for a call"),
    .init(
      "recoveryAfterRejections", .integer(1...100), default: .integer(6),
      "a client that leaves refreshing to its timer starts active recovery at this many 401s in a row (seed 000: 6, its 5 retries exhausted)"
    ),
    .init(
      "schedulerTick", .optionalDuration(timeout), default: .off,
      "the refresh timer is a loop checking this often, its first check one tick after start (seed 002: 60 s); none fires at the proactive moment"
    ),
    .init(
      "startupCheck", .bool, default: .bool(false), "at start, refresh at once if the stored token is inside a refresh window"),
    .init(
      "refreshOnDemand", .bool, default: .bool(true), "whether a call may trigger a refresh (false: only the refresh timer does)"),
    .init("minAttemptInterval", .optionalDuration(delay), default: .off, "no two token requests closer together than this"),
    .init(
      "whenThrottled", .word(ThrottledCallPolicy.allCases.map(\.rawValue)), default: .word("fail"),
      "while a required refresh is throttled, a call waits, fails, or ignores the throttle"),
  ]

  /// The shared knobs with some defaults replaced, followed by `extra` declarations.
  public static func overriding(_ defaults: [String: ParameterValue], adding extra: [StrategyParameter] = [])
    -> [StrategyParameter]
  {
    precondition(Set(defaults.keys).isSubset(of: all.map(\.name)), "unknown shared parameter")
    return all.map { parameter in defaults[parameter.name].map(parameter.defaulting(to:)) ?? parameter } + extra
  }
}

/// **single-flight**: one refresh at a time inside each process, modelled on aws-sdk-go-v2's
/// `CredentialsCache` (and Codex's in-process `refresh_lock`).
///
/// - Advisory window 5 min (aws-sdk-go-v2's `ExpiryWindow`): a call inside it refreshes; on
///   failure the process keeps its old credentials and waits a jittered 300–600 s before trying
///   again.
/// - Mandatory window 1 min: a call inside it must refresh; a failure fails the call, and the
///   next call tries again at once (the jittered wait only spaces advisory attempts).
/// - No store reread: the process trusts its memory; it writes the new pair for later processes.
/// - A refused refresh token raises needs-login.
///
/// Known failure: N processes make N refreshes; with single-use rotation every process after the
/// first presents a rotated token.
public struct SingleFlightStrategy: EngineStrategy {
  public static let name = "single-flight"
  public static let summary =
    "one refresh per process, advisory 5 min / mandatory 1 min, keep old credentials 300-600 s after a failure (aws-sdk-go-v2)"
  public static let parameters = CommonParameters.overriding([
    "refreshWindow": .duration(.minutes(1)), "advisoryWindow": .duration(.minutes(5)), "backoff": .word("uniform"),
    "backoffBase": .duration(.seconds(300)), "backoffCap": .duration(.seconds(600)), "onRejected": .word("needs-login"),
    "whenThrottled": .word("ignore"),
  ])

  /// The shared engine with this strategy's parameters.
  public var engine: RefreshClient

  /// Creates the strategy from resolved parameters.
  public init(parameters: StrategyParameters, role: ProcessRole) {
    engine = RefreshClient(policy: RefreshPolicy(parameters), coordination: .none)
  }
}

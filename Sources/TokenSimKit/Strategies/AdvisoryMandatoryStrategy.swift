/// **advisory-mandatory**: botocore's `RefreshableCredentials` with the SSO token provider's
/// attempt throttle.
///
/// - Advisory window 15 min: a call inside it refreshes; a failure is swallowed (logged) and the
///   still-valid token used.
/// - Mandatory window 10 min: a call inside it must refresh; a failure is raised to the caller.
/// - At most one token request per 60 s (the SSO provider's attempt throttle); a call that needs
///   a mandatory refresh inside that minute fails.
/// - 60 s request timeout (botocore's default read timeout); no store reread; needs-login on a
///   refused refresh token.
///
/// Known failure: without the attempt throttle every call in the advisory window retries; with it,
/// calls fail for up to a minute after a mandatory failure. Like single-flight, N processes make N
/// refreshes.
public struct AdvisoryMandatoryStrategy: EngineStrategy {
  public static let name = "advisory-mandatory"
  public static let summary =
    "advisory 15 min (failures swallowed) / mandatory 10 min (failures raised), one attempt per 60 s (botocore)"
  public static let parameters = CommonParameters.overriding([
    "refreshWindow": .duration(.minutes(10)), "advisoryWindow": .duration(.minutes(15)),
    "requestTimeout": .duration(.seconds(60)), "minAttemptInterval": .duration(.seconds(60)),
    "onRejected": .word("needs-login"),
  ])

  /// The shared engine with this strategy's parameters.
  public var engine: RefreshClient

  /// Creates the strategy from resolved parameters.
  public init(parameters: StrategyParameters, role: ProcessRole) {
    engine = RefreshClient(policy: RefreshPolicy(parameters), coordination: .none)
  }
}

/// **reread-from-disk**: reread the credentials file before refreshing and after an auth
/// failure, modelled on botocore's SSO token provider and `aws login`, and on Codex's guarded
/// reload of `auth.json`.
///
/// - Before any refresh it rereads the store; if another process left a different pair, it adopts
///   it instead of refreshing. A torn reread here is nothing newer on disk and the refresh goes on
///   with the pair held: the modelled clients do not read a file that fails to parse again
///   (botocore's `JSONFileCache.__getitem__` turns a `ValueError` into a cache miss; Codex's
///   `try_read_auth_json` returns the `serde_json` error).
/// - A 401 from the API drops the access token and the call is sent once more after a reread (and
///   an adoption or a refresh): seed 004's first fix, "reread credentials from disk on auth
///   failure and retry once", and Codex's reload-and-retry on 401 (`retryRejectedCall`).
/// - A refused refresh token makes it reread once: a different refresh token on disk is adopted
///   and tried; otherwise it raises needs-login and stops presenting the dead token. A torn
///   reread is no credentials and means needs-login at once: botocore and Codex do not read a
///   file that fails to parse again (`RefreshCoordinator.retriesTornReads`).
/// - Writes with a temporary file and an atomic rename (the store's own setting).
///
/// Known failure: there is no lock between the reread and the write. Two processes that reread in
/// the same instant both refresh with the same token; with single-use rotation the second is a
/// reuse and, where the server revokes the family, both lose the session.
public struct RereadFromDiskStrategy: EngineStrategy {
  public static let name = "reread-from-disk"
  public static let summary =
    "reread the store before refreshing and on auth failure, adopt a newer pair, retry once; no lock (botocore SSO, Codex)"
  public static let parameters = CommonParameters.overriding([
    "onRejected": .word("reread-retry-once"), "retryRejectedCall": .bool(true),
  ])

  /// The shared engine with this strategy's parameters.
  public var engine: RefreshClient

  /// Creates the strategy from resolved parameters.
  public init(parameters: StrategyParameters, role: ProcessRole) {
    engine = RefreshClient(policy: RefreshPolicy(parameters), coordination: .reread)
  }
}

/// The needs-login alert of a process that needs a token and holds no session: every store read
/// it made since its start found an empty or torn file, and it has no other way to a pair. Both
/// the refresh engine (`RefreshClient.notLoggedIn`) and a broker client whose broker does not
/// answer (`BrokerClient`, read-store fallback) raise it, once per start, before they fail their
/// calls: "nobody is told" is one of the incidents this model exists for.
enum NoSessionAlert {
  /// What the alert says.
  static let message = "the credential store holds no session (empty or unreadable); sign in"

  /// Raises the alert into `actions` unless `told` says this start has raised it already; sets
  /// `told`.
  static func raise(once told: inout Bool, into actions: inout [StrategyAction]) {
    guard !told else { return }
    told = true
    actions.append(.raiseAlert(message: message))
  }
}

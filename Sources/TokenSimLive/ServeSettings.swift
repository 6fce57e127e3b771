import TokenSimKit

/// How `tokensim serve` runs: where it listens, how fast its clock goes, for how long, and where
/// it writes the credentials and the reports.
public struct ServeSettings: Equatable, Sendable {
  /// 127.0.0.1 or ::1 (nothing else is accepted).
  public var host = "127.0.0.1"
  /// The port; 0 picks a free one.
  public var port = 0
  /// Server seconds per wall second.
  public var rate = 1.0
  /// How long to serve, in wall time; nil until interrupted.
  public var wallDuration: SimDuration?
  /// Where the reports go (on exit, and on `POST /_tokensim/reports`).
  public var outDirectory: String
  /// Where the initial credentials go.
  public var credentialsFile: String
  /// The root seed of the server's random streams.
  public var seed: UInt64
  /// The URL clients reach the server by when it is not the one served (a TLS front such as
  /// `https://127.0.0.1:8443`): named in the discovery documents and as the id_token's `iss`.
  public var publicURL: String?
  /// The `sub` of every id_token; nil for the host of the session's family (the scenario's name
  /// for it).
  public var subject: String?
  /// The HS256 key id_tokens are signed with; nil for unsigned ones (`alg: none`).
  public var idTokenKey: String?
  /// What one request and one connection may take.
  public var limits = HTTPLimits()

  /// Where the trace is streamed as it happens: `trace.jsonl` in the output directory.
  public var traceFile: String { outDirectory + "/trace.jsonl" }

  /// The server time the reports' timeline spans: `--for` at the clock's rate when the session
  /// is bounded, else the scenario's duration (later events land in its last bucket).
  func timelineSpan(scenario: Scenario) -> SimDuration {
    guard let wall = wallDuration else { return scenario.duration }
    return SimDuration(microseconds: max(1_000_000, Int64((Double(wall.microseconds) * rate).rounded())))
  }

  /// Settings with the given output places and seed, every other value at its default.
  public init(outDirectory: String, credentialsFile: String, seed: UInt64) {
    self.outDirectory = outDirectory
    self.credentialsFile = credentialsFile
    self.seed = seed
  }
}

import Foundation
import TokenSimKit
import TokenSimLive

/// `tokensim serve SCENARIO.json [--port N] [--host 127.0.0.1|::1] [--rate R] [--for DURATION]
/// [--out DIR] [--credentials FILE]`
struct ServeCommand: Command {
  static let port = CommandOption.value("port", "N", help: "the port to listen on, 0 for a free one", default: .value("0"))
  static let host = CommandOption.value(
    "host", "ADDRESS", help: "the loopback address to listen on: 127.0.0.1 or ::1", default: .value("127.0.0.1"))
  static let rate = CommandOption.value(
    "rate", "R", help: "server seconds per wall second (0.001 to 1000000)", default: .value("1"))
  static let duration = CommandOption.value(
    "for", "DURATION", help: "stop after this much wall time, such as 30s or 10m", default: .computed("until Ctrl-C"))
  static let out = CommandOption.value(
    "out", "DIR", help: "where to write the reports", default: .computed("\(DefaultOutput.root)/<scenario>/serve"))
  static let credentials = CommandOption.value(
    "credentials", "FILE", help: "where to write the initial credentials", default: .computed("DIR/credentials.json"))
  static let seed = CommandOption.value(
    "seed", "N", help: "root seed of the server's fault and latency draws", default: .computed("the scenario's seed"))
  static let readTimeout = CommandOption.value(
    "read-timeout", "DURATION", help: "wall time a request may take to arrive before a 408", default: .value("10s"))

  static let subject = CommandOption.value(
    "subject", "SUB", help: "the sub claim of every id_token", default: .computed("the host of the session's family"))
  static let idTokenKey = CommandOption.value(
    "id-token-key", "KEY", help: "sign id_tokens with HS256 under this fixed key", default: .computed("unsigned, alg none"))

  static let publicURL = CommandOption.value(
    "public-url", "URL", help: "the URL clients reach serve by, such as a TLS front's https://127.0.0.1:8443",
    default: .computed("the URL served"))

  static let spec = CommandSpec(
    name: "serve", brief: "serve SCENARIO.json",
    summary: "serve the scenario's authorization server on a loopback socket",
    synopsis: """
      SCENARIO.json [--port N] [--host 127.0.0.1|::1] [--rate R] [--for DURATION]
      [--out DIR] [--credentials FILE] [--seed N] [--read-timeout DURATION]
      [--subject SUB] [--id-token-key KEY] [--public-url URL]
      """,
    discussion: """
      Serves the scenario's server section over HTTP/1.1 on the loopback interface, through the
      same server model as a simulation: POST /token (refresh_token grant), the protected API
      under /api/, /.well-known/oauth-authorization-server, and /p/NAME/token and /p/NAME/api/...
      for a client process called NAME. The server clock starts at the scenario's start and runs
      at --rate times the wall clock. The first line of output is the base URL; the initial
      credentials (one session per logged-in host) are written to FILE as JSON. A token request
      whose scope includes openid gets an id_token: a JWT with iss (the base URL), sub, aud (the
      client_id) and iat and exp from the server clock, unsigned unless --id-token-key is given.
      The discovery documents also exist under /p/NAME/.well-known/, naming the endpoints under
      /p/NAME; --public-url makes them (and iss) name a TLS front instead of the URL served.

      The control API under /_tokensim/ (GET state, GET trace, POST faults, POST faults/N/end,
      POST revoke, POST clock/advance, POST reports) lets a test steer it. On Ctrl-C, SIGTERM or
      after --for, it writes report.json (with "mode": "serve"), report.md, junit.xml,
      timeline.svg and index.html into DIR; the trace goes to DIR/trace.jsonl as it happens.
      """,
    options: [port, host, rate, duration, out, credentials, seed, readTimeout, subject, idTokenKey, publicURL],
    exitStatus: """
      Exit status: 0 after serving and writing the reports, 2 when the scenario or the options are
      wrong or the address cannot be listened on (nothing is written).
      """)

  let scenario: Scenario
  let settings: ServeSettings

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard arguments.positional.count == 1 else {
      throw Self.spec.usageError("serve takes exactly one scenario file (given \(arguments.positional.count))")
    }
    scenario = try CommandFailure.exit2 { () throws(SuiteError) in try ScenarioInputs.load(file: arguments.positional[0]) }
    Warnings.print([scenario])
    let directory = arguments.value(Self.out) ?? "\(DefaultOutput.root)/\(scenario.name)/serve"
    try OutputPath.directory(directory, option: "--out")
    let credentials = arguments.value(Self.credentials) ?? directory + "/credentials.json"
    try OutputPath.file(credentials, option: "--credentials")
    let seed = try OptionValues.seed(arguments.value(Self.seed)) ?? scenario.seed
    var settings = ServeSettings(outDirectory: directory, credentialsFile: credentials, seed: seed)
    settings.host = try Self.loopback(arguments.value(Self.host) ?? "127.0.0.1")
    settings.port = try Self.port(arguments.value(Self.port) ?? "0")
    settings.rate = try Self.rate(arguments.value(Self.rate) ?? "1")
    settings.wallDuration = try arguments.value(Self.duration).map { text throws(CommandFailure) in
      try Self.duration(text, option: "--for")
    }
    settings.subject = try Self.claim(arguments.value(Self.subject), option: "--subject")
    settings.idTokenKey = try Self.claim(arguments.value(Self.idTokenKey), option: "--id-token-key")
    settings.publicURL = try Self.publicURL(arguments.value(Self.publicURL))
    settings.limits.readTime = try Self.duration(arguments.value(Self.readTimeout) ?? "10s", option: "--read-timeout")
    self.settings = settings
  }

  private static func loopback(_ text: String) throws(CommandFailure) -> String {
    guard ["127.0.0.1", "::1"].contains(text) else {
      throw CommandFailure(
        status: 2,
        message: "--host must be a loopback address, 127.0.0.1 or ::1, not \"\(text)\": serve is a test double and "
          + "never listens where another machine could reach it")
    }
    return text
  }

  private static func claim(_ text: String?, option: String) throws(CommandFailure) -> String? {
    guard let text else { return nil }
    guard !text.isEmpty else { throw CommandFailure(status: 2, message: "\(option) wants a non-empty value") }
    return text
  }

  private static func publicURL(_ text: String?) throws(CommandFailure) -> String? {
    guard let text else { return nil }
    guard text.hasPrefix("http://") || text.hasPrefix("https://"), !text.hasSuffix("/") else {
      throw CommandFailure(
        status: 2, message: "--public-url wants an http:// or https:// URL without a trailing slash, not \"\(text)\"")
    }
    return text
  }

  private static func port(_ text: String) throws(CommandFailure) -> Int {
    guard let port = Int(text), (0...65_535).contains(port) else {
      throw CommandFailure(
        status: 2, message: "--port wants a whole number from 0 to 65535 (0 picks a free port), not \"\(text)\"")
    }
    return port
  }

  private static func rate(_ text: String) throws(CommandFailure) -> Double {
    guard let rate = Double(text), rate >= 0.001, rate <= 1_000_000 else {
      throw CommandFailure(
        status: 2, message: "--rate wants a number from 0.001 to 1000000 (server seconds per wall second), not \"\(text)\"")
    }
    return rate
  }

  private static func duration(_ text: String, option: String) throws(CommandFailure) -> SimDuration {
    guard let duration = DurationText.parse(text), duration > .zero else {
      throw CommandFailure(
        status: 2, message: "\(option) wants a duration such as 30s or 10m (units: \(DurationText.unitList)), not \"\(text)\"")
    }
    return duration
  }

  func run() throws(CommandFailure) {
    do throws(LiveError) {
      let server = try LiveServer(scenario: scenario, settings: settings)
      try server.writeCredentials()
      print(server.baseURL)
      print("credentials: \(settings.credentialsFile)")
      fflush(nil)  // the URL line must reach a harness reading a pipe now
      let result = try server.run()
      print(
        "stopped at server time \(result.simulated); verdict \(result.analysis.verdict.rawValue); reports in \(settings.outDirectory)"
      )
    } catch {
      throw CommandFailure(status: 2, message: error.message)
    }
  }
}

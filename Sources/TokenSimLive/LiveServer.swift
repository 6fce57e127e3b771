import Foundation
import TokenSimKit

/// `tokensim serve`: the scenario's authorization server on a loopback socket.
///
/// ```swift
/// let server = try LiveServer(scenario: scenario, settings: settings)  // listens, logs hosts in
/// print(server.baseURL)
/// try server.writeCredentials()
/// let result = try server.run()  // until SIGINT/SIGTERM or settings.wallDuration; writes the reports
/// ```
public final class LiveServer {
  /// The base URL, such as `http://127.0.0.1:41234`.
  public let baseURL: String
  private let loop: PollLoop
  private let listener: Int32

  /// Checks the settings, listens on the loopback address and logs every logged-in host in.
  public init(scenario: Scenario, settings: ServeSettings) throws(LiveError) {
    guard Socket.loopbackHosts.contains(settings.host) else {
      throw LiveError(
        "serve listens on the loopback interface only (127.0.0.1 or ::1), not \(settings.host): "
          + "it is a test double with no authentication of its own")
    }
    let (descriptor, port) = try Socket.listen(host: settings.host, port: settings.port)
    listener = descriptor
    baseURL = settings.host == "::1" ? "http://[::1]:\(port)" : "http://\(settings.host):\(port)"
    let stream: TraceStream
    do {
      stream = try TraceStream(path: settings.traceFile)
    } catch {
      Socket.close(descriptor)
      throw error
    }
    loop = PollLoop(
      session: ServeSession(scenario: scenario, settings: settings, baseURL: baseURL, stream: stream), listener: descriptor)
  }

  deinit { Socket.close(listener) }

  /// The credentials file's text: one session per logged-in host, as the token endpoint would
  /// answer it, with the endpoints to use.
  public var credentialsJSON: String {
    let session = loop.session
    let sessions = session.logins.map { login in
      "    "
        + JSONText.object([("host", JSONText.quote(login.host)), ("family", String(login.family))])
        .dropLast() + "," + TokenReplyEncoding.tokens(login.grant).dropFirst()
    }
    return """
      {
        "baseURL": \(JSONText.quote(baseURL)),
        "tokenEndpoint": \(JSONText.quote(baseURL + "/token")),
        "apiBase": \(JSONText.quote(baseURL + "/api")),
        "sessions": [
      \(sessions.joined(separator: ",\n"))
        ]
      }

      """
  }

  /// Writes `credentialsJSON` to the settings' credentials file.
  public func writeCredentials() throws(LiveError) {
    let path = loop.session.settings.credentialsFile
    do {
      try FileOutput.write(credentialsJSON, to: path)
    } catch {
      throw LiveError("cannot write the credentials to \(path): \(error.localizedDescription)")
    }
  }

  /// Serves until SIGINT or SIGTERM, or for the settings' wall duration, then writes the reports
  /// of the run and returns it.
  public func run() throws(LiveError) -> RunResult {
    StopSignal.install()
    let settings = loop.session.settings
    let deadline = settings.wallDuration.map {
      ServerClock.monotonicNanoseconds() + UInt64(max(0, $0.microseconds)) * 1_000
    }
    loop.run(until: deadline)
    do {
      return try loop.session.writeReports()
    } catch {
      throw LiveError(error.message)
    }
  }
}

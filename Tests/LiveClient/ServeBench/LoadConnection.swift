import Glibc

/// One client of the load generator: a nonblocking keep-alive connection that presents its own
/// session's refresh token, adopts the rotated one from each answer, and sends one request at a
/// time.
final class LoadConnection {
  /// Where it is in its exchange.
  enum Phase {
    /// No connection; `nextAt` says when to open one.
    case closed
    /// Waiting for the nonblocking connect.
    case connecting
    /// Writing `output`.
    case sending
    /// Reading the answer.
    case reading
    /// Between requests; the next goes out at `nextAt`.
    case waiting
  }

  /// How the request under way ends for this client.
  enum Ending {
    /// Read the answer.
    case read
    /// Close after writing half of it.
    case abandon
    /// Close once it is written.
    case walkAway
  }

  let name: String
  var descriptor: Int32 = -1
  var phase = Phase.closed
  var refreshToken: String
  var accessToken: String
  var output: [UInt8] = []
  var written = 0
  var input: [UInt8] = []
  /// Monotonic nanoseconds: when the request went out, and when the next thing is due.
  var sentAt: UInt64 = 0
  var nextAt: UInt64 = 0
  var requestsOnConnection = 0
  var isAPICall = false
  var ending = Ending.read
  var closesAfterAnswer = false

  init(name: String, refreshToken: String, accessToken: String) {
    self.name = name
    self.refreshToken = refreshToken
    self.accessToken = accessToken
    input.reserveCapacity(1_024)
  }

  /// The request to send next: a refresh_token grant, or an API call with the access token.
  func request(api: Bool, close: Bool) -> [UInt8] {
    let connection = close ? "Connection: close\r\n" : ""
    if api {
      return Array(
        "GET /p/\(name)/api/items HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(accessToken)\r\n\(connection)\r\n".utf8)
    }
    let body = "grant_type=refresh_token&refresh_token=\(refreshToken)&client_id=bench"
    return Array(
      ("POST /p/\(name)/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: \(body.utf8.count)\r\n\(connection)\r\n\(body)").utf8)
  }

  /// Closes the socket.
  func close() {
    if descriptor >= 0 { Glibc.close(descriptor) }
    descriptor = -1
    phase = .closed
    input.removeAll(keepingCapacity: true)
    output = []
    written = 0
  }
}

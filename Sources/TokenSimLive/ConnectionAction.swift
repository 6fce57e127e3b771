/// What the poll loop does with a connection after the session handled a request or a timer.
enum ConnectionAction: Equatable {
  /// Write this response (then read the next request, or close if it says so).
  case respond(HTTPResponse)
  /// Nothing yet: an answer will come from a timer.
  case wait
  /// Never answer; keep the connection until the client closes it.
  case hang
  /// Close with a TCP reset (`SO_LINGER` 0).
  case reset
  /// Close in order without a reply.
  case close
}

/// How the load generator's clients behave: how many keep-alive connections, for how long, how
/// fast, and how often a client misbehaves (closes mid-request, walks away before the answer).
struct LoadPlan {
  /// Keep-alive connections held open at once.
  var connections = 200
  /// Wall seconds of traffic.
  var seconds = 10.0
  /// Pause of each connection between its requests, in seconds; 0 sends the next request as
  /// soon as the answer arrives.
  var interval = 0.0
  /// Seconds a client waits for an answer before it closes the connection and opens another.
  var requestTimeout = 5.0
  /// Share of requests that are API calls (the rest are refresh_token grants).
  var apiShare = 0.0
  /// Share of requests of which only half is sent before the client closes.
  var abandonShare = 0.0
  /// Share of requests sent whole and then closed without reading the answer.
  var walkAwayShare = 0.0
  /// Requests on one connection before the client asks `Connection: close` (0: never).
  var requestsPerConnection = 0
}

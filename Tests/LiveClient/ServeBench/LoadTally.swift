/// What the load generator saw.
struct LoadTally {
  /// Requests written whole.
  var sent = 0
  /// Answers read, by status.
  var statuses: [Int: Int] = [:]
  /// 200 answers to a token request that carried a refresh token.
  var refreshed = 0
  /// Answers read, of token requests.
  var tokenAnswers = 0
  /// Connections the server closed with no answer to a request under way (empty reply, lost
  /// after commit).
  var closedWithoutAnswer = 0
  /// Connections reset by the server.
  var resets = 0
  /// Requests given up after the request timeout (hang, long latency).
  var timeouts = 0
  /// Requests of which only half was sent before the client closed.
  var abandoned = 0
  /// Requests sent whole whose client closed before the answer.
  var walkedAway = 0
  /// Connections that could not be opened.
  var connectFailures = 0
  /// Connections opened in all.
  var connectionsOpened = 0
  /// The most connections open at once (client side).
  var mostOpen = 0
  /// Latency of every answer read, in microseconds.
  var latencies: [UInt32] = []

  /// Answers with a status other than 200.
  var errorStatuses: Int { statuses.filter { $0.key != 200 }.values.reduce(0, +) }

  /// The `fraction` quantile of the latencies, in milliseconds.
  func latencyMilliseconds(_ sorted: [UInt32], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
    return Double(sorted[max(0, index)]) / 1_000
  }

  /// `p50 0.41 ms, p90 …, p99 …, p99.9 …, max …`.
  var latencySummary: String {
    let sorted = latencies.sorted()
    let points: [(String, Double)] = [("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("p99.9", 0.999), ("max", 1)]
    return points.map { "\($0.0) \(Self.format(latencyMilliseconds(sorted, $0.1))) ms" }.joined(separator: ", ")
  }

  /// `200: 1234, 503: 5`.
  var statusSummary: String {
    statuses.isEmpty ? "none" : statuses.keys.sorted().map { "\($0): \(statuses[$0]!)" }.joined(separator: ", ")
  }

  static func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}

/// The run in fixed-width time buckets, for the timeline chart and for anyone reading
/// report.json: token requests by outcome, API calls, processes alive and healthy, fault windows,
/// and one lane per worker with its state in each bucket.
public struct Timeline: Codable, Equatable, Sendable {
  /// The width of one bucket.
  public var bucketSeconds: Double
  /// The buckets, in time order.
  public var buckets: [Bucket]
  /// One lane per worker (or group of workers), in first-start order.
  public var lanes: [Lane]

  /// One bucket of time.
  public struct Bucket: Codable, Equatable, Sendable {
    /// Its start, in seconds.
    public var start: Double
    /// Token requests sent in it, by how they ended (`noReply` for none yet at the end).
    public var tokenRequests: [String: Int] = [:]
    /// API calls that succeeded in it.
    public var apiCallsOK = 0
    /// API calls that failed in it (including those denied for lack of a token).
    public var apiCallsFailed = 0
    /// Processes alive at its end.
    public var processesAlive = 0
    /// Of those, processes whose last API call did not fail and that raised no alert since.
    public var processesHealthy = 0
    /// The effects of fault windows open at any moment of it.
    public var faults: [String] = []
    /// Security events in it.
    public var securityEvents = 0
    /// Work-loop restarts in it (a process giving up on its loop and starting it again).
    public var workLoopRestarts = 0
    /// Needs-login alerts raised in it.
    public var alertsRaised = 0
  }

  /// One worker's (or group's) state in every bucket.
  public struct Lane: Codable, Equatable, Sendable {
    /// The worker's name, or the group's name with its size (`mount-daemon ×100`).
    public var name: String
    /// One character per bucket: ` ` not running, `.` running without calls, `w` waiting for a
    /// token without calls (a wait that counts as an outage), `o` every call
    /// succeeded, `~` some failed, `x` every call failed, `!` a needs-login alert is standing.
    public var states: String
  }

  /// The widths a timeline may use, smallest first.
  static let widths: [SimDuration] = [
    .seconds(1), .seconds(5), .seconds(10), .seconds(30), .minutes(1), .minutes(5), .minutes(10), .minutes(15),
    .minutes(30), .hours(1), .hours(2), .hours(6), .hours(12), .days(1), .days(7),
  ]

  /// The smallest width that covers `duration` in at most 200 buckets.
  static func width(for duration: SimDuration) -> SimDuration {
    widths.first { duration.microseconds <= $0.microseconds * 200 } ?? .days(30)
  }
}

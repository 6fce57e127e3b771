/// Finds token requests sent before a `Retry-After` deadline: one the sender itself was told
/// (per process), or one any process sharing its credential store was told (shared store).
struct RetryAfterTracker {
  private var processDeadlines = SerialTable<SimInstant>()
  /// By host number (`ProcessDirectory.hosts`).
  private var hostDeadlines: [SimInstant] = []
  private(set) var perProcess = 0
  private(set) var sharedStore = 0
  private(set) var firstViolation: Evidence?

  /// A reply carrying `header` reached `process` on `host`.
  mutating func told(_ header: String, process: Int, host: Int, at time: SimInstant) {
    guard let deadline = RetryAfter.deadline(header: header, now: time, cap: .days(3_650)), deadline > time else { return }
    processDeadlines[process] = max(deadline, processDeadlines[process] ?? .start)
    hostDeadlines.extend(through: host, with: .start)
    hostDeadlines[host] = max(deadline, hostDeadlines[host])
  }

  /// A process started afresh and remembers nothing.
  mutating func forget(process: Int) { processDeadlines.remove(process) }

  /// `process` sent a token request; `name` is for the evidence.
  mutating func sent(process: Int, name: @autoclosure () -> String, host: Int?, at time: SimInstant) {
    if let host, host < hostDeadlines.count, time < hostDeadlines[host] { sharedStore += 1 }
    guard let deadline = processDeadlines[process], time < deadline else { return }
    perProcess += 1
    if firstViolation == nil {
      let early = DurationText.approximate(deadline - time)
      firstViolation = Evidence(
        time: time, process: name(), what: "sent a token request \(early) before the Retry-After deadline it had been given")
    }
  }
}

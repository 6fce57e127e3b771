import TokenSimKit

/// The trace of a live server: ordinary `TraceEvent`s in the order they happened, with the
/// processes the requests came from. A client is a process named by its path prefix
/// (`/p/NAME/...`), or the one anonymous `client`; it is started, on the host whose session its
/// first request used, when that request arrives.
struct LiveTrace {
  /// Every event so far.
  private(set) var events: [TraceEvent] = []
  private var processes: [String: Int] = [:]
  private var nextRequest = 1

  /// The name of the process of requests without a path prefix.
  static let anonymous = "client"

  /// Records `kind` at `time`.
  mutating func record(_ kind: TraceKind, at time: SimInstant) { events.append(TraceEvent(time: time, kind: kind)) }

  /// The id of process `name`, started on `host` now if it is new.
  mutating func process(named name: String, host: String, at time: SimInstant) -> Int {
    if let id = processes[name] { return id }
    let id = processes.count + 1
    processes[name] = id
    record(.processStarted(process: id, name: "\(host)/\(name)", role: .daemon, host: host), at: time)
    return id
  }

  /// A new token request id, counting up from 1.
  mutating func newRequest() -> Int {
    defer { nextRequest += 1 }
    return nextRequest
  }

  /// The trace as JSON lines (docs/TRACE.md), each ending in a newline.
  var jsonLines: String { events.map { TraceLine.json($0) + "\n" }.joined() }

  /// The run this trace makes when it ends at `end`: analyzed by the same checks as a
  /// simulation, with `"mode": "serve"` in its report.
  func result(of scenario: Scenario, seed: UInt64, end: SimInstant) -> RunResult {
    let trace = events + [TraceEvent(time: end, kind: .runEnded(reason: .endOfTime))]
    let duration = max(end - .start, .seconds(1))
    let analysis = RunAnalysis(trace: trace, duration: duration, settings: scenario.checks)
    return RunResult(
      scenario: scenario, strategyName: "external", seed: seed, simulated: end, eventsProcessed: trace.count,
      stopReason: .endOfTime, trace: trace, analysis: analysis, mode: "serve")
  }
}

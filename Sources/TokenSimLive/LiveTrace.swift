import TokenSimKit

/// The trace of a live server: ordinary `TraceEvent`s in the order they happened, with the
/// processes the requests came from. Each event is measured as it happens (`TraceFold`, the
/// simulator's own analyzer) and streamed to `trace.jsonl`, then let go, so a session of any
/// length holds no events in memory. A client is a process named by its path prefix
/// (`/p/NAME/...`), or the one anonymous `client`; it is started, on the host whose session its
/// first request used, when that request arrives.
struct LiveTrace {
  private var fold: TraceFold
  private let stream: TraceStream
  private var processes: [String: Int] = [:]
  private var nextRequest = 1

  /// The name of the process of requests without a path prefix.
  static let anonymous = "client"

  /// A trace streamed to `stream`, whose timeline spans `duration` of server time.
  init(stream: TraceStream, duration: SimDuration) {
    self.stream = stream
    fold = TraceFold(duration: duration)
  }

  /// Events recorded so far.
  var count: Int { fold.count }

  /// Records `kind` at `time`.
  mutating func record(_ kind: TraceKind, at time: SimInstant) {
    let event = TraceEvent(time: time, kind: kind)
    fold.observe(event)
    stream.append(event)
  }

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

  /// Writes the buffered lines to trace.jsonl.
  func flush() { stream.flush() }

  /// Why trace.jsonl could not be written, if it could not.
  var streamError: String? { stream.error }

  /// The trace so far as JSON lines (docs/TRACE.md), each ending in a newline.
  var jsonLines: [UInt8] { stream.contents() }

  /// The run this trace makes when it ends at `end`: analyzed by the same checks as a
  /// simulation, with `"mode": "serve"` in its report. The trace goes on afterwards.
  func result(of scenario: Scenario, seed: UInt64, end: SimInstant) -> RunResult {
    stream.flush()
    var fold = fold
    fold.observe(TraceEvent(time: end, kind: .runEnded(reason: .endOfTime)))
    return RunResult(
      scenario: scenario, strategyName: "external", seed: seed, simulated: end, eventsProcessed: fold.count,
      stopReason: .endOfTime, trace: [], analysis: fold.analysis(settings: scenario.checks), mode: "serve")
  }
}

import Testing

@testable import TokenSimKit

/// Each instance of a process template (`"count": 2`) draws from its own random stream
/// (`process/<host>/<process>/<instance>`), so two daemons of one template retrying the same
/// 502 with a jittered backoff do not retry in lockstep.
@Suite struct ProcessInstanceRandomnessTests {
  /// Two instances of one daemon template on one host, static refresh tokens (so that they do
  /// not interfere through rotation), and the token endpoint answering 502 from 5 to 30 minutes.
  static let twoDaemonsUnderA502 = oneHost(
    duration: "1h",
    server: #"""
      {"rotation": "static", "accessTokenTTL": "10m",
       "faults": [{"target": "token", "from": "5m", "to": "30m", "status": 502}]}
      """#,
    processes: #"[{"name": "sync", "role": "daemon", "count": 2, "cycle": {"every": "1m"}}]"#)

  /// The token requests each process sent inside the fault window, by process.
  func sendsInTheWindow(_ result: RunResult) -> [Int: [SimInstant]] {
    let window = (SimInstant.start + .minutes(5))..<(SimInstant.start + .minutes(30))
    return Dictionary(grouping: sent(result).filter { window.contains($0.time) }, by: \.process).mapValues { $0.map(\.time) }
  }

  @Test func twoInstancesRetryAJitteredBackoffAtDifferentTimes() throws {
    let result = try run(
      Self.twoDaemonsUnderA502, strategy: "naive", "backoff=full-jitter", "backoffBase=2s", "backoffCap=1m", "maxRetries=3")
    let sends = sendsInTheWindow(result)
    #expect(sends.keys.sorted() == [1, 2])
    let (first, second) = (sends[1] ?? [], sends[2] ?? [])
    #expect(first.count >= 4 && second.count >= 4, "both retried: \(first.count), \(second.count)")
    #expect(first != second, "instance 1 and 2 retried at the same instants: \(first)")
    let sharedInstants = Set(first).intersection(second)
    #expect(sharedInstants.count < min(first.count, second.count) / 2, "retries in lockstep at \(sharedInstants.sorted())")
  }

  /// The control: without jitter the two instances, started together, retry at the same
  /// instants, so the difference above comes from their random streams.
  @Test func withoutJitterTheSameTwoInstancesRetryInLockstep() throws {
    let result = try run(
      Self.twoDaemonsUnderA502, strategy: "naive", "backoff=exponential", "backoffBase=2s", "backoffCap=1m", "maxRetries=3")
    let sends = sendsInTheWindow(result)
    #expect((sends[1] ?? []).count >= 4)
    #expect(sends[1] == sends[2])
  }
}

import Foundation

/// `serve-bench`: a `tokensim serve` under `connections` keep-alive clients sending refresh_token
/// grants as fast as it answers, for `seconds`; prints what it held and how fast.
enum BenchRun {
  static func run(binary: String, connections: Int, seconds: Double) throws -> Bool {
    let server = try ServerChild(
      binary: binary, scenario: BenchScenarios.load(hosts: connections), arguments: ["--read-timeout", "30s"])
    let sessions = try server.sessions()
    guard sessions.count >= connections else { throw BenchError("serve logged in \(sessions.count) sessions") }
    var plan = LoadPlan()
    plan.connections = connections
    plan.seconds = seconds
    let rssBefore = server.residentKiB
    let cpuBefore = server.cpuSeconds
    var serverHeld: [Int] = []
    let driver = LoadDriver(port: server.port, plan: plan, sessions: sessions)
    let tally = driver.run(every: seconds / 4) { _ in serverHeld.append(Self.connections(server.get("/_tokensim/state")) - 1) }
    let cpu = server.cpuSeconds - cpuBefore
    let rssAfter = server.residentKiB
    let status = server.stop()
    let rate = Double(tally.tokenAnswers) / seconds
    print(
      """
      serve-bench: \(connections) keep-alive connections, refresh_token grants as fast as answered, \(Int(seconds)) s, \
      loopback port \(server.port), \(ProcessInfo.processInfo.activeProcessorCount) cores
        connections held: \(serverHeld.min() ?? 0) (the server's count at each quarter, less the control connection asking: \(serverHeld.map(String.init).joined(separator: ", ")))
        token requests:   \(tally.tokenAnswers) answered, \(LoadTally.format(rate)) per second (\(tally.refreshed) rotated)
        latency:          \(tally.latencySummary)
        errors:           non-200 \(tally.errorStatuses), closed without answer \(tally.closedWithoutAnswer), \
      resets \(tally.resets), timeouts \(tally.timeouts), connect failures \(tally.connectFailures)
        server:           \(LoadTally.format(cpu)) CPU s in \(Int(seconds)) s, RSS \(rssBefore / 1024) -> \(rssAfter / 1024) MiB, \
      exit \(status)
      """)
    return tally.errorStatuses == 0 && tally.closedWithoutAnswer == 0 && tally.resets == 0 && tally.timeouts == 0
  }

  /// The `connections` figure of a `/_tokensim/state` body.
  static func connections(_ state: String) -> Int {
    guard let range = state.range(of: "\"connections\":") else { return -1 }
    return Int(state[range.upperBound...].prefix { $0.isNumber }) ?? -1
  }
}

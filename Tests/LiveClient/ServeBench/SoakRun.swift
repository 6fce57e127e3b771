import Foundation
import Glibc

/// `serve-soak`: `minutes` of bounded traffic under every fault kind, with clients that close
/// mid-request, walk away before the answer and time out on hangs; samples the server's open
/// descriptors and resident memory, and checks the descriptors come back to the baseline.
enum SoakRun {
  static func run(binary: String, minutes: Double, connections: Int, interval: Double, rotation: String, accessTTL: String)
    throws -> Bool
  {
    let scenario = BenchScenarios.soak(hosts: connections, rotation: rotation, accessTTL: accessTTL)
    let server = try ServerChild(binary: binary, scenario: scenario, arguments: [])
    let sessions = try server.sessions()
    var plan = LoadPlan()
    plan.connections = connections
    plan.seconds = minutes * 60
    plan.interval = interval
    plan.requestTimeout = 1
    plan.apiShare = 0.2
    plan.abandonShare = 0.02
    plan.walkAwayShare = 0.02
    plan.requestsPerConnection = 50
    let baseline = (descriptors: server.openDescriptors, kib: server.residentKiB)
    print(
      "serve-soak: \(Int(minutes)) min, \(connections) clients, one request per client every \(interval) s, every fault kind, "
        + "rotation \(rotation), access tokens \(accessTTL); "
        + "baseline \(baseline.descriptors) fds, RSS \(baseline.kib) KiB")
    var samples: [(seconds: Double, descriptors: Int, kib: Int)] = []
    let driver = LoadDriver(port: server.port, plan: plan, sessions: sessions)
    let tally = driver.run(every: 30) { elapsed in
      samples.append((elapsed, server.openDescriptors, server.residentKiB))
      let last = samples[samples.count - 1]
      print("  t=\(Int(elapsed))s fds \(last.descriptors) RSS \(last.kib) KiB")
      fflush(stdout)
    }
    let settled = settle(server, to: baseline.descriptors)
    let end = (descriptors: settled, kib: server.residentKiB)
    let tracePath = server.directory + "/out/trace.jsonl"
    let traceBytes = (try? FileManager.default.attributesOfItem(atPath: tracePath)[.size]) ?? 0
    let status = server.stop(within: 300)
    report(tally, baseline: baseline, samples: samples, end: end, minutes: minutes, status: status)
    print("  trace streamed: \(traceBytes) bytes so far (reports in \(server.directory)/out)")
    return end.descriptors == baseline.descriptors && status == 0
  }

  /// Waits up to 5 s for the server to close what the clients closed; the descriptors then.
  private static func settle(_ server: ServerChild, to baseline: Int) -> Int {
    let deadline = Date().addingTimeInterval(5)
    while server.openDescriptors != baseline, Date() < deadline { usleep(50_000) }
    return server.openDescriptors
  }

  private static func report(
    _ tally: LoadTally, baseline: (descriptors: Int, kib: Int), samples: [(seconds: Double, descriptors: Int, kib: Int)],
    end: (descriptors: Int, kib: Int), minutes: Double, status: Int32
  ) {
    let warm = samples.first { $0.seconds >= 60 }?.kib ?? samples.first?.kib ?? baseline.kib
    print(
      """
        requests: \(tally.sent) sent whole (\(tally.tokenAnswers) token answers, \(tally.refreshed) rotated), \
      \(tally.abandoned) abandoned half-sent, \(tally.walkedAway) walked away
        answers by status: \(tally.statusSummary)
        no answer: closed \(tally.closedWithoutAnswer), reset \(tally.resets), timed out \(tally.timeouts); \
      connections opened \(tally.connectionsOpened), connect failures \(tally.connectFailures)
        latency: \(tally.latencySummary)
        fds: baseline \(baseline.descriptors), most during the soak \(samples.map(\.descriptors).max() ?? 0), \
      after the clients closed \(end.descriptors)
        RSS: start \(baseline.kib) KiB, after 1 min \(warm) KiB, end \(end.kib) KiB, \
      highest \(samples.map(\.kib).max() ?? 0) KiB
        server exit status \(status)
      """)
  }
}

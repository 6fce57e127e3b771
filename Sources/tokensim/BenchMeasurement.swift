import Foundation
import TokenSimKit

/// The figures of one benchmark case, measured in a process of its own so that the peak resident
/// set belongs to that case alone.
struct BenchMeasurement: Codable {
  var workload: String
  var strategy: String?
  var events: Int
  var wallSeconds: Double
  var simulatedSeconds: Double
  var peakResidentBytes: Int

  var eventsPerSecond: Double { Double(events) / max(wallSeconds, 1e-9) }
  var nanosecondsPerEvent: Double { wallSeconds * 1e9 / Double(max(events, 1)) }
  var simulatedPerWallSecond: Double { simulatedSeconds / max(wallSeconds, 1e-9) }

  /// Runs case `name` (`workload` or `workload:strategy`) of `manifest` here and now.
  static func measure(_ name: String, in manifest: BenchManifest) throws(CommandFailure) -> BenchMeasurement {
    let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
    guard let workload = manifest.workloads.first(where: { $0.name == parts[0] }) else {
      throw CommandFailure(status: 2, message: "no workload \"\(parts[0])\" in \(manifest.path)")
    }
    let started = DispatchTime.now().uptimeNanoseconds
    switch workload.kind {
    case .engine(let engine):
      let reached = engine.run()
      return BenchMeasurement(
        workload: workload.name, strategy: nil, events: engine.events, wallSeconds: seconds(since: started),
        simulatedSeconds: reached.seconds, peakResidentBytes: peakResidentBytes())
    case .scenario(let scenario, let strategies):
      guard parts.count == 2, let strategy = strategies.first(where: { $0.name == parts[1] }) else {
        throw CommandFailure(
          status: 2, message: "\(name): name one of the strategies of \(workload.name), as in \(workload.cases[0])")
      }
      let result = Simulation(scenario: scenario, strategy: strategy).run(trace: .discard)
      return BenchMeasurement(
        workload: workload.name, strategy: strategy.name, events: result.eventsProcessed,
        wallSeconds: seconds(since: started), simulatedSeconds: result.simulated.seconds,
        peakResidentBytes: peakResidentBytes())
    }
  }

  private static func seconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  /// The most memory this process has had resident.
  static func peakResidentBytes() -> Int {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
      return usage.ru_maxrss * 1024
    #else
      getrusage(RUSAGE_SELF, &usage)
      return usage.ru_maxrss
    #endif
  }
}

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
  /// Events per second over the first and the last tenth of the events (nil for a run too short,
  /// and in figures written before they were measured).
  var firstTenthEventsPerSecond: Double?
  var lastTenthEventsPerSecond: Double?
  /// The most processes alive at once (nil for the engine workload, and in older figures).
  var peakLiveProcesses: Int?
  /// Resident bytes when simulated time passed half the run, and at its end before the analysis:
  /// equal when memory is flat in simulated time (nil for the engine workload, and in older
  /// figures).
  var residentBytesAtHalf: Int?
  var residentBytesAtEnd: Int?
  /// How many runs of the case were made when the manifest asked for more than one (nil for one):
  /// these figures are then those of the run with the median last/first tenth ratio.
  var runs: Int?
  /// With several runs, each run's last/first tenth ratio, smallest first.
  var lastOverFirstByRun: [Double]?

  var eventsPerSecond: Double { Double(events) / max(wallSeconds, 1e-9) }
  var nanosecondsPerEvent: Double { wallSeconds * 1e9 / Double(max(events, 1)) }
  var simulatedPerWallSecond: Double { simulatedSeconds / max(wallSeconds, 1e-9) }
  /// Peak resident memory over the peak number of live processes.
  var bytesPerLiveProcess: Double? {
    guard let peakLiveProcesses, peakLiveProcesses > 0 else { return nil }
    return Double(peakResidentBytes) / Double(peakLiveProcesses)
  }
  /// Resident memory at the end over that at half time: 1 when memory is flat in simulated time.
  var endOverHalf: Double? {
    guard let half = residentBytesAtHalf, let end = residentBytesAtEnd, half > 0 else { return nil }
    return Double(end) / Double(half)
  }
  /// The last tenth's rate over the first's: 1 when the cost of an event does not grow.
  var lastOverFirst: Double? {
    guard let first = firstTenthEventsPerSecond, let last = lastTenthEventsPerSecond, first > 0 else { return nil }
    return last / first
  }

  /// Runs case `name` (`workload` or `workload:strategy`) of `manifest` here and now.
  static func measure(_ name: String, in manifest: BenchManifest) throws(CommandFailure) -> BenchMeasurement {
    let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
    guard let workload = manifest.workloads.first(where: { $0.name == parts[0] }) else {
      throw CommandFailure(status: 2, message: "no workload \"\(parts[0])\" in \(manifest.path)")
    }
    let started = DispatchTime.now().uptimeNanoseconds
    var progress = BenchProgress()
    var measurement: BenchMeasurement
    switch workload.kind {
    case .engine(let engine):
      let reached = engine.run(sampleEvery: BenchProgress.every) { progress.processed($0) }
      progress.finish(engine.events)
      measurement = BenchMeasurement(
        workload: workload.name, strategy: nil, events: engine.events, wallSeconds: seconds(since: started),
        simulatedSeconds: reached.seconds, peakResidentBytes: peakResidentBytes())
    case .scenario(let scenario, let strategies):
      guard parts.count == 2, let strategy = strategies.first(where: { $0.name == parts[1] }) else {
        throw CommandFailure(
          status: 2, message: "\(name): name one of the strategies of \(workload.name), as in \(workload.cases[0])")
      }
      let (world, residentAtHalf, residentAtEnd) = run(scenario, strategy, progress: &progress)
      measurement = BenchMeasurement(
        workload: workload.name, strategy: strategy.name, events: world.eventsProcessed,
        wallSeconds: seconds(since: started), simulatedSeconds: world.now.seconds, peakResidentBytes: peakResidentBytes(),
        peakLiveProcesses: world.peakLiveProcesses, residentBytesAtHalf: residentAtHalf,
        residentBytesAtEnd: residentAtEnd)
    }
    (measurement.firstTenthEventsPerSecond, measurement.lastTenthEventsPerSecond) = (
      progress.tenths?.first, progress.tenths?.last
    )
    return measurement
  }

  /// Runs the scenario as `Simulation.run(trace: .discard)` does, one `step` at a time so that
  /// `progress` sees each event, and analyses it (the analysis is part of the measured time).
  /// Returns the world and the resident bytes when simulated time passed half the run and when
  /// the run ended (before the analysis).
  private static func run(
    _ scenario: Scenario, _ strategy: StrategyChoice, progress: inout BenchProgress
  ) -> (World, residentAtHalf: Int?, residentAtEnd: Int) {
    let world = World(
      scenario: scenario, seed: scenario.seed, brokers: strategy.base.usesBroker, retention: .discard,
      makeStrategy: strategy.makeStrategy)
    let half = SimInstant(microseconds: scenario.duration.microseconds / 2)
    var residentAtHalf: Int?
    while world.step() {
      progress.processed(world.eventsProcessed)
      if residentAtHalf == nil, world.now >= half { residentAtHalf = ResidentMemory.bytes() }
    }
    progress.finish(world.eventsProcessed)
    let residentAtEnd = ResidentMemory.bytes()
    _ = world.analysis(settings: scenario.checks)
    return (world, residentAtHalf, residentAtEnd)
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

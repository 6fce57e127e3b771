import Foundation

/// A case measured several times (a workload's `repeat` in the manifest). On a shared or virtual
/// machine the rate over one tenth of a one-second run moves by tens of percent from run to run
/// while the work per event does not; the median of several runs is a figure one can compare.
enum BenchRepeats {
  /// The run with the median last/first tenth ratio (the median events per second when a run was
  /// too short for tenths), told how many runs there were and each run's ratio.
  static func median(of runs: [BenchMeasurement]) -> BenchMeasurement {
    precondition(!runs.isEmpty, "a case is measured at least once")
    guard runs.count > 1 else { return runs[0] }
    let ratios = runs.compactMap(\.lastOverFirst).sorted()
    let ordered =
      ratios.count == runs.count
      ? runs.sorted { $0.lastOverFirst! < $1.lastOverFirst! } : runs.sorted { $0.eventsPerSecond < $1.eventsPerSecond }
    var chosen = ordered[(ordered.count - 1) / 2]
    chosen.runs = runs.count
    chosen.lastOverFirstByRun = ratios.isEmpty ? nil : ratios
    return chosen
  }

  /// One line per case measured more than once, for under the table: how many runs, and the
  /// last/first ratio of each.
  static func notes(_ measurements: [BenchMeasurement]) -> String {
    let lines = measurements.compactMap { m -> String? in
      guard let runs = m.runs, runs > 1 else { return nil }
      let name = m.strategy.map { "\(m.workload):\($0)" } ?? m.workload
      guard let ratios = m.lastOverFirstByRun else { return "\(name): \(runs) runs, the row is the median one" }
      return "\(name): \(runs) runs, the row is the one with the median last/first; each run's last/first: "
        + ratios.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }
    return lines.joined(separator: "\n")
  }
}

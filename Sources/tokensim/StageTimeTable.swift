import Foundation
import TokenSimKit

/// `suite --timings`: where a matrix run's time went, as a table.
enum StageTimeTable {
  static func text(_ times: StageTimes, wallSeconds: Double, jobs: Int) -> String {
    let stages = times.seconds
    let total = stages.reduce(0) { $0 + $1.seconds }
    var rows = stages.map { entry in
      [entry.stage.rawValue, String(format: "%.3f s", entry.seconds), percent(entry.seconds, of: total)]
    }
    rows.append(["all stages", String(format: "%.3f s", total), percent(total, of: total)])
    return "Timings: \(String(format: "%.3f s", wallSeconds)) wall for running and writing the matrix with --jobs \(jobs); "
      + "each stage summed over the runs:\n\n"
      + MatrixTable.render(header: ["stage", "time", "share"], rows: rows, rightAligned: 1..<3)
  }

  private static func percent(_ part: Double, of whole: Double) -> String {
    whole > 0 ? String(format: "%.0f %%", part / whole * 100) : "-"
  }
}

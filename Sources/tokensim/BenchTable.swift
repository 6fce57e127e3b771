import Foundation
import TokenSimKit

/// Benchmark figures as a terminal table and as JSON.
enum BenchTable {
  static func text(_ measurements: [BenchMeasurement], machine: MachineDescription, manifest: String) -> String {
    let header = [
      "workload", "strategy", "events", "wall", "events/s", "ns/event", "sim s/wall s", "peak RSS", "first 10%/s",
      "last 10%/s", "last/first", "peak live", "RSS/live", "RSS end/half",
    ]
    let rows = measurements.map { m in
      [
        m.workload, m.strategy ?? "-", Figures.grouped(m.events), String(format: "%.3f s", m.wallSeconds),
        scaled(m.eventsPerSecond), String(format: "%.0f", m.nanosecondsPerEvent), scaled(m.simulatedPerWallSecond),
        String(format: "%.1f MB", Double(m.peakResidentBytes) / 1_000_000), m.firstTenthEventsPerSecond.map(scaled) ?? "-",
        m.lastTenthEventsPerSecond.map(scaled) ?? "-", m.lastOverFirst.map { String(format: "%.2f", $0) } ?? "-",
        m.peakLiveProcesses.map(Figures.grouped) ?? "-", m.bytesPerLiveProcess.map(perProcess) ?? "-",
        m.endOverHalf.map { String(format: "%.2f", $0) } ?? "-",
      ]
    }
    return "Benchmarks of \(manifest) on \(machine.line)\n\n"
      + MatrixTable.render(header: header, rows: rows, rightAligned: 2..<14)
  }

  static func json(_ measurements: [BenchMeasurement], machine: MachineDescription, manifest: String) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return try encoder.encode(BenchComparison.Document(manifest: manifest, machine: machine, measurements: measurements))
      + Data("\n".utf8)
  }

  /// Bytes per process as "1.96 KB" below 10 KB, so that a figure near the 2 KB target does not
  /// round onto it, and "26.4 KB" above (1,000 bytes a kilobyte, as the peak RSS column counts).
  static func perProcess(_ bytes: Double) -> String {
    guard bytes >= 1_000 else { return String(format: "%.0f B", bytes) }
    return String(format: bytes < 10_000 ? "%.2f KB" : "%.1f KB", bytes / 1_000)
  }

  /// 1234567 as "1.23M", 45678 as "45.7k".
  static func scaled(_ value: Double) -> String {
    switch value {
    case 1e9...: return String(format: "%.2fG", value / 1e9)
    case 1e6...: return String(format: "%.2fM", value / 1e6)
    case 1e3...: return String(format: "%.1fk", value / 1e3)
    default: return String(format: "%.1f", value)
    }
  }
}

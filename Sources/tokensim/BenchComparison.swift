import Foundation
import TokenSimKit

/// `bench --compare OLD.json`: the figures of this run (or of `--figures NEW.json`) against those
/// another run wrote with `--json`, as ratios per case: events per second new/old (above 1 is
/// faster) and peak resident memory new/old (below 1 is smaller).
enum BenchComparison {
  /// What `bench --json` writes.
  struct Document: Codable {
    var manifest: String
    var machine: MachineDescription
    var measurements: [BenchMeasurement]
  }

  /// Reads a document `bench --json` wrote; `option` names the option that gave the path.
  static func load(_ path: String, option: String) throws(CommandFailure) -> Document {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw CommandFailure(status: 2, message: "\(option): cannot read \(path): \(error.localizedDescription)")
    }
    do { return try JSONDecoder().decode(Document.self, from: data) } catch {
      throw CommandFailure(status: 2, message: "\(option): \(path) is not the figures of tokensim bench --json (\(error))")
    }
  }

  /// The table of ratios, one row per case in `new`'s order, then the cases only `old` has.
  static func text(new: [BenchMeasurement], old: Document, oldPath: String) -> String {
    let key = { (m: BenchMeasurement) in "\(m.workload):\(m.strategy ?? "")" }
    let olds = Dictionary(old.measurements.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    let newKeys = Set(new.map(key))
    var rows = new.map { row(new: $0, old: olds[key($0)]) }
    rows += old.measurements.filter { !newKeys.contains(key($0)) }.map { row(new: nil, old: $0) }
    let header = ["workload", "strategy", "events/s old", "events/s new", "new/old", "peak RSS old", "peak RSS new", "new/old"]
    return "Compared with \(oldPath) (\(old.machine.line))\n\n"
      + MatrixTable.render(header: header, rows: rows, rightAligned: 2..<8)
  }

  private static func row(new: BenchMeasurement?, old: BenchMeasurement?) -> [String] {
    let some = (new ?? old)!
    let rate = { (m: BenchMeasurement?) in m.map { BenchTable.scaled($0.eventsPerSecond) } ?? "-" }
    let memory = { (m: BenchMeasurement?) in m.map { String(format: "%.1f MB", Double($0.peakResidentBytes) / 1e6) } ?? "-" }
    return [
      some.workload, some.strategy ?? "-", rate(old), rate(new), ratio(new?.eventsPerSecond, old?.eventsPerSecond),
      memory(old), memory(new), ratio(new.map { Double($0.peakResidentBytes) }, old.map { Double($0.peakResidentBytes) }),
    ]
  }

  private static func ratio(_ new: Double?, _ old: Double?) -> String {
    guard let new, let old, old > 0 else { return "-" }
    return String(format: "%.2f×", new / old)
  }
}

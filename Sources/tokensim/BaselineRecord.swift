import Foundation
import TokenSimKit

/// `check --record-baseline DIR`: each run's report.json copied from the check's output into
/// DIR/<scenario>/<strategy>/report.json, the layout `check --baseline DIR` reads. Other files
/// in DIR are left as they are.
enum BaselineRecord {
  /// Copies the report.json of every entry from `out` into `directory`.
  static func write(_ entries: [MatrixEntry], from out: String, to directory: String) throws(CommandFailure) {
    for entry in entries {
      let source = "\(out)/\(entry.directory)/report.json"
      let target = "\(directory)/\(entry.directory)/report.json"
      guard let data = FileManager.default.contents(atPath: source) else {
        throw CommandFailure(status: 2, message: "cannot read \(source) to record it as the baseline")
      }
      do { try FileOutput.write(data, to: target) } catch {
        throw CommandFailure(status: 2, message: "--record-baseline: cannot write \(target): \(error.localizedDescription)")
      }
    }
  }
}

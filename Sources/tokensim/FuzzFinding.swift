import Foundation
import TokenSimKit

/// What `tokensim fuzz` reports: a case (a drawn scenario under one strategy) that trapped,
/// aborted, broke an invariant, reached its memory limit, slowed down by more than half between
/// its first and last tenth, hung past the timeout, or failed otherwise.
struct FuzzFinding: Codable, Equatable {
  /// The kinds of finding, in the order the summary counts them.
  enum Kind: String, Codable, CaseIterable {
    case trap
    case abort
    case invariant = "invariant-failure"
    case memoryLimit = "memory-limit"
    case slowdown
    case timeout
    case failure = "other-failure"

    /// The summary's words for a count of them.
    var plural: String {
      switch self {
      case .trap: return "traps"
      case .abort: return "aborts"
      case .invariant: return "invariant failures"
      case .memoryLimit: return "memory-limit stops"
      case .slowdown: return "slowdowns"
      case .timeout: return "timeouts"
      case .failure: return "other failures"
      }
    }
  }

  var kind: Kind
  var seed: UInt64
  var index: Int
  var strategy: String
  /// What was seen: the end of the child's error output, the stop reason, the two paces.
  var detail: String
  /// The scenario file, in the fuzz output directory.
  var file: String
  /// The command that runs the case again exactly as the fuzzer did.
  var replay: String

  /// Classifies a child's report; nil when the case ran cleanly.
  static func classify(_ report: FuzzChild.Report) -> (Kind, String)? {
    let lines = report.stderr.split(separator: "\n")
    let lastError = String(lines.first { $0.contains("Fatal error") } ?? lines.first ?? "")
    switch report.ending {
    case .timedOut: return (.timeout, "still running at the timeout")
    case .interrupted: return (.failure, "killed at Ctrl-C")
    case .signalled(let signal):
      if report.stderr.contains("invariant broken:") { return (.invariant, lastError) }
      let kind: Kind = signal == SIGABRT ? .abort : signal == SIGILL || signal == SIGTRAP ? .trap : .failure
      return (kind, "killed by signal \(signal)" + (lastError.isEmpty ? "" : ": " + lastError))
    case .exited(let status) where status != 0:
      return (.failure, "exit status \(status)" + (lastError.isEmpty ? "" : ": " + lastError))
    case .exited:
      guard let outcome = FuzzCaseOutcome(stdout: report.stdout) else { return (.failure, "no outcome line") }
      if outcome.stopReason == StopReason.memoryLimit.rawValue {
        return (.memoryLimit, "stopped: memory-limit after \(outcome.events) events")
      }
      if let pace = outcome.pace, pace.slowedDown {
        return (.slowdown, "events/s fell from \(Int(pace.firstTenth)) to \(Int(pace.lastTenth)) over \(outcome.events) events")
      }
      return nil
    }
  }
}

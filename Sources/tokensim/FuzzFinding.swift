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

    /// Whether such a finding fails the campaign (exit 1): a memory-limit stop is a clean stop
    /// with its reports, and a slowdown is measured in wall time, which a busy machine can halve.
    var failsTheCampaign: Bool {
      switch self {
      case .memoryLimit, .slowdown: return false
      case .trap, .abort, .invariant, .timeout, .failure: return true
      }
    }

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
  static func classify(_ report: ChildProcess.Report) -> (Kind, String)? {
    let lastError = cause(report.stderr)
    switch report.ending {
    case .timedOut: return (.timeout, "still running at the timeout")
    case .interrupted: return (.failure, report.ending.description)
    case .signalled(let signal):
      if report.stderr.contains("invariant broken:") { return (.invariant, lastError) }
      let kind: Kind = signal == SIGABRT ? .abort : signal == SIGILL || signal == SIGTRAP ? .trap : .failure
      return (kind, report.ending.description + (lastError.isEmpty ? "" : ": " + lastError))
    case .exited(let status) where status != 0:
      return (.failure, "exit status \(status)" + (lastError.isEmpty ? "" : ": " + lastError))
    case .exited:
      guard let outcome = FuzzCaseOutcome(stdout: report.stdout) else { return (.failure, "no outcome line") }
      return classify(outcome)
    }
  }

  /// Classifies the outcome of a case that ran to its end; nil when it ran cleanly.
  static func classify(_ outcome: FuzzCaseOutcome) -> (Kind, String)? {
    if outcome.stopReason == StopReason.memoryLimit.rawValue {
      return (.memoryLimit, "stopped: memory-limit after \(outcome.events) events")
    }
    if let pace = outcome.pace, pace.slowedDown {
      return (.slowdown, "events/s fell from \(Int(pace.firstTenth)) to \(Int(pace.lastTenth)) over \(outcome.events) events")
    }
    return nil
  }

  /// What a child's error output says went wrong: the runtime's message (`Fatal error: …`,
  /// `Precondition failed: …`, `Swift runtime failure: …`, which is all a release build's trap
  /// says) and the first frame of the backtrace that is the program's, such as
  /// `World.schedule(_:at:) at …/World.swift:174:5`.
  static func cause(_ stderr: String) -> String {
    let lines = stderr.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " *")) }
    let signs = ["Fatal error", "failed:", "runtime failure", "invariant broken"]
    let message = lines.first { line in signs.contains { line.contains($0) } } ?? lines.first { !$0.isEmpty } ?? ""
    guard let frame = lines.first(where: { $0.contains(" in tokensim at ") && !$0.contains("runtime failure") }) else {
      return message
    }
    let words = frame.split(separator: " ", omittingEmptySubsequences: true)
    guard let address = words.firstIndex(where: { $0.hasPrefix("0x") }) else { return message }
    let place = words[(address + 1)...].joined(separator: " ").replacingOccurrences(of: " in tokensim at ", with: " at ")
    return message.isEmpty ? place : "\(message) in \(place)"
  }
}

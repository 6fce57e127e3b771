import Foundation
import TokenSimKit

/// One fuzz case, run in a child process of `tokensim fuzz` (`fuzz --case FILE --strategy NAME`):
/// the scenario under one built-in strategy with a small event budget, invariants checked after
/// every event and once at the end, the process's memory limit watched. A trap or abort kills
/// only this child; what it finishes is one JSON line on stdout (`FuzzCaseOutcome`).
enum FuzzCase {
  /// Runs `file` with `strategy`, at most `eventBudget` events, and prints the outcome.
  static func run(
    file: String, strategy name: String, eventBudget: Int, maxMemory: Int, invariants: InvariantChecking
  ) throws(CommandFailure) {
    var scenario = try CommandFailure.exit2 { () throws(SuiteError) in try ScenarioInputs.load(file: file) }
    scenario.eventBudget = min(scenario.eventBudget, eventBudget)
    let strategy: StrategyChoice
    do { strategy = try StrategyChoice(named: name) } catch { throw CommandFailure(status: 2, message: error.description) }
    var samples: [(events: Int, nanoseconds: UInt64)] = [(0, DispatchTime.now().uptimeNanoseconds)]
    let monitor = RunMonitor(interval: 1_000) { position in
      samples.append((position.events, DispatchTime.now().uptimeNanoseconds))
      return ResidentMemory.bytes() > maxMemory ? .memoryLimit : nil
    }
    let result = Simulation(scenario: scenario, strategy: strategy).run(
      trace: .discard, monitor: monitor, invariants: invariants)
    samples.append((result.eventsProcessed, DispatchTime.now().uptimeNanoseconds))
    let outcome = FuzzCaseOutcome(
      stopReason: result.stopReason.rawValue, events: result.eventsProcessed,
      wallSeconds: Double(samples.last!.nanoseconds - samples[0].nanoseconds) / 1e9,
      pace: RunPace(samples: samples), residentBytes: ResidentMemory.bytes())
    print(outcome.line)
  }
}

/// What a fuzz case's child reports on its last line of stdout.
struct FuzzCaseOutcome: Codable, Equatable {
  /// `end-of-time`, `event-budget`, `memory-limit`…
  var stopReason: String
  var events: Int
  var wallSeconds: Double
  /// Events per second over the first and last tenth, when the run was long enough to judge.
  var pace: RunPace?
  var residentBytes: Int

  /// The outcome as one line of JSON.
  var line: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
  }

  /// The outcome printed on the last line of `stdout`, if there is one.
  init?(stdout: String) {
    guard let line = stdout.split(separator: "\n").last,
      let outcome = try? JSONDecoder().decode(FuzzCaseOutcome.self, from: Data(line.utf8))
    else { return nil }
    self = outcome
  }

  init(stopReason: String, events: Int, wallSeconds: Double, pace: RunPace?, residentBytes: Int) {
    self.stopReason = stopReason
    self.events = events
    self.wallSeconds = wallSeconds
    self.pace = pace
    self.residentBytes = residentBytes
  }
}

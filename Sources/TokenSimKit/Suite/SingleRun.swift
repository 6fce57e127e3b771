import Foundation

/// One run with its reports: the simulation, then every report written into one directory, with
/// trace.jsonl streamed as the run goes when asked (and removed if a report cannot be written).
public enum SingleRun {
  /// Runs `scenario` with `strategy` (under `seed`, or the scenario's own) and writes its reports
  /// into `directory`. Returns the result and the wall seconds the simulation took (which no
  /// report holds).
  public static func run(
    _ scenario: Scenario, strategy: StrategyChoice, seed: UInt64? = nil, to directory: String, trace: Bool = false
  ) throws(SuiteError) -> (result: RunResult, wallSeconds: Double) {
    let traceFile = trace ? try TraceFile(path: directory + "/trace.jsonl") : nil
    let started = Date()
    let result = Simulation(scenario: scenario, strategy: strategy, seed: seed).run(
      trace: traceFile.map { file in .stream(file.append) } ?? .discard)
    let wall = Date().timeIntervalSince(started)
    do throws(SuiteError) {
      try RunFiles.write(result, to: directory)
      try traceFile?.commit()
    } catch {
      traceFile?.discard()
      throw error
    }
    return (result, wall)
  }
}

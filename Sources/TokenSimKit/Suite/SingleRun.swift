/// One run with its reports: the simulation, then every report written into one directory, with
/// trace.jsonl streamed as the run goes when asked. Everything is written into a staging
/// directory beside `directory` and moved into place only when complete, so an interrupted or
/// failed run leaves the earlier run's outputs whole and none of its own.
public enum SingleRun {
  /// Runs `scenario` with `strategy` (under `seed`, or the scenario's own) and writes its reports
  /// into `directory`. Returns the result and, when the caller hands in `clock` (a monotonic
  /// count of nanoseconds), the wall seconds the simulation took, which no report holds: the
  /// library reads no clock of its own, as `StageTimes` does not. A `monitor` may stop the run
  /// early (a memory limit, Ctrl-C); its reports then cover what ran and say why it stopped.
  public static func run(
    _ scenario: Scenario, strategy: StrategyChoice, seed: UInt64? = nil, to directory: String, trace: Bool = false,
    monitor: RunMonitor? = nil, clock: (() -> UInt64)? = nil
  ) throws(SuiteError) -> (result: RunResult, wallSeconds: Double?) {
    let staged = try RunFiles.stage(directory)
    do throws(SuiteError) {
      let traceFile = trace ? try TraceFile(path: staged.path + "/trace.jsonl") : nil
      let started = clock?()
      let result = Simulation(scenario: scenario, strategy: strategy, seed: seed).run(
        trace: traceFile.map { file in .stream(file.append) } ?? .discard, monitor: monitor)
      let wall: Double? = if let clock, let started { Double(clock() - started) / 1e9 } else { nil }
      try RunFiles.write(result, to: staged.path)
      try traceFile?.commit()
      try staged.commit()
      return (result, wall)
    } catch {
      staged.discard()
      throw error
    }
  }
}

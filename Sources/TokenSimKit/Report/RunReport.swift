import Foundation

/// The content of report.json (schema version 1). Its bytes depend only on the scenario, the
/// strategy and its parameters, and the seed: no wall-clock figure goes in.
public struct RunReport: Codable, Equatable, Sendable {
  /// The schema's version.
  public var schemaVersion = 1
  /// The tool that wrote it.
  public var tool = ToolInfo()
  /// The scenario run.
  public var scenario: ScenarioInfo
  /// The strategy run.
  public var strategy: StrategyInfo
  /// The root seed.
  public var seed: UInt64
  /// Simulated time covered.
  public var simulatedSeconds: Double
  /// Events processed by the run loop.
  public var eventsProcessed: Int
  /// Why the run stopped.
  public var stopReason: StopReason
  /// The worst verdict of the checks: `pass`, `fail` or `unknown`.
  public var verdict: CheckVerdict
  /// Figures computed from the trace.
  public var metrics: RunMetrics
  /// Every built-in check with its verdict, threshold, observed value and evidence.
  public var checks: [CheckResult]
  /// The run in fixed-width time buckets.
  public var timeline: Timeline
  /// `serve` for the trace of a live server; absent for a simulation.
  public var mode: String?

  /// The tool's name and version.
  public struct ToolInfo: Codable, Equatable, Sendable {
    /// Always `tokensim`.
    public var name = "tokensim"
    /// The version.
    public var version = TokenSim.version
  }

  /// Which scenario.
  public struct ScenarioInfo: Codable, Equatable, Sendable {
    /// Its name.
    public var name: String
    /// `sha256:` and the SHA-256 of its file's text (absent for a scenario built in code); not
    /// the file's path, so the report is the same wherever the scenario was run from.
    public var digest: String?
    /// What it reproduces.
    public var description: String
  }

  /// Which strategy.
  public struct StrategyInfo: Codable, Equatable, Sendable {
    /// Its name.
    public var name: String
    /// Its parameters as resolved.
    public var parameters: [String: String]
    /// The built-in strategy a configured one is based on; absent for a built-in strategy at its
    /// defaults.
    public var base: String?
    /// The parameters that differ from the base's defaults; absent with `base`.
    public var overrides: [String: String]?
  }

  /// The report of `result`.
  public init(_ result: RunResult) {
    scenario = ScenarioInfo(
      name: result.scenario.name, digest: result.scenario.digest.isEmpty ? nil : result.scenario.digest,
      description: result.scenario.description)
    strategy = StrategyInfo(
      name: result.strategyName, parameters: result.parameters, base: result.configuration?.base,
      overrides: result.configuration?.overrideValues)
    seed = result.seed
    simulatedSeconds = result.simulated.seconds
    eventsProcessed = result.eventsProcessed
    stopReason = result.stopReason
    verdict = result.analysis.verdict
    metrics = result.metrics
    checks = result.analysis.checks
    timeline = result.analysis.timeline
    mode = result.mode
  }

  /// Pretty, key-sorted JSON ending in a newline.
  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }
}

/// Facts about the tool itself.
public enum TokenSim {
  /// The version written into reports.
  public static let version = "0.1.0"
}

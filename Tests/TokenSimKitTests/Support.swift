import Foundation
import Testing

@testable import TokenSimKit

/// Parses a scenario written inline in a test.
func scenario(_ json: String) throws -> Scenario { try Scenario.parse(json, file: "inline.json") }

/// Runs an inline scenario with naive (or another strategy) and returns the result.
func run(
  _ json: String, seed: UInt64? = nil, strategy: @escaping (ProcessRole) -> any RefreshStrategy = { _ in NaiveStrategy() }
) throws -> RunResult {
  Simulation(scenario: try scenario(json), strategyName: "test", seed: seed, makeStrategy: strategy).run()
}

/// Runs an inline scenario with a built-in strategy and `NAME=VALUE` parameter overrides.
func run(_ json: String, seed: UInt64? = nil, strategy name: String, _ parameters: String...) throws -> RunResult {
  Simulation(scenario: try scenario(json), strategy: try choice(name, parameters), seed: seed).run()
}

/// A built-in strategy with `NAME=VALUE` overrides.
func choice(_ name: String, _ parameters: [String] = []) throws -> StrategyChoice {
  var choice = try StrategyChoice(named: name)
  for parameter in parameters { try choice.parameters.set(argument: parameter) }
  return choice
}

/// The trace events of one kind, by a predicate on the kind.
func events(_ result: RunResult, _ matches: (TraceKind) -> Bool) -> [TraceEvent] {
  result.trace.filter { matches($0.kind) }
}

/// The outcome of every token request, in order.
func outcomes(_ result: RunResult) -> [TokenOutcome] {
  result.trace.compactMap { if case .tokenRequestEnded(_, _, let outcome, _, _) = $0.kind { outcome } else { nil } }
}

/// Every token request sent: when, by which process, with which refresh token.
func sent(_ result: RunResult) -> [(time: SimInstant, process: Int, token: Int)] {
  result.trace.compactMap {
    if case .tokenRequestSent(let process, _, let token) = $0.kind { ($0.time, process, token) } else { nil }
  }
}

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// A one-host scenario with the given server JSON and processes JSON.
func oneHost(duration: String, server: String = "{}", processes: String, host: String = "") -> String {
  """
  {"name": "t", "description": "test", "duration": "\(duration)", "server": \(server),
   "hosts": [{"name": "h"\(host.isEmpty ? "" : ", " + host), "processes": \(processes)}]}
  """
}

/// A trace event `seconds` into the run, for analyses fed hand-written traces.
func at(_ seconds: Int64, _ kind: TraceKind) -> TraceEvent {
  TraceEvent(time: .init(microseconds: seconds * 1_000_000), kind: kind)
}

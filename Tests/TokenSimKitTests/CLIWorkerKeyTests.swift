import Foundation
import Testing

@testable import TokenSimKit

/// A simulated world tells the analysis which CLI each invocation starts from (a key per CLI) and
/// names each invocation by its process number; the analysis then finds the worker by the key and
/// keeps no name. A trace read back, with no key, analyzes the same.
@Suite struct CLIWorkerKeyTests {
  @Test func aFleetsKeptTraceReadBackAnalyzesAsTheWorldDid() throws {
    let url = packageRoot.appendingPathComponent("Scenarios/bench/fleet-30d.json")
    let json = try String(contentsOf: url, encoding: .utf8)
      .replacingOccurrences(of: #""duration": "30d""#, with: #""duration": "20m""#)
    let scenario = try Scenario.parse(json, file: "fleet-20m.json")
    for name in ["lease-shared", "naive"] {
      let result = Simulation(scenario: scenario, strategy: try choice(name)).run()
      let reread = RunAnalysis(trace: result.trace, duration: scenario.duration, settings: scenario.checks)
      #expect(result.metrics.cliInvocations > 100, "\(name)")
      #expect(reread.metrics == result.analysis.metrics, "\(name)")
      #expect(reread.timeline == result.analysis.timeline, "\(name)")
      #expect(String(describing: reread.findings) == String(describing: result.analysis.findings), "\(name)")
    }
  }

  /// The name a report gives CLI process 12 started as `name`, once it fails a call.
  func reportedName(_ name: String) -> String? {
    let trace = [
      at(0, .processStarted(process: 12, name: name, role: .cli, host: "h")),
      at(1, .apiCallEnded(process: 12, ok: false, status: 500)),
      at(60, .runEnded(reason: .endOfTime)),
    ]
    return RunAnalysis(trace: trace, duration: .minutes(1), settings: CheckSettings()).findings.failedCall?.process
  }

  @Test func anInvocationIsReportedByTheNameItStartedWithNumberedOrNot() {
    for name in ["h/job#12", "h/job#7", "h/job#112", "h/job12", "#12", "12", "h/job#012", "h/a#b#12"] {
      #expect(reportedName(name) == name)
    }
  }
}

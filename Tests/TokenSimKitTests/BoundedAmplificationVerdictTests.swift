import Testing

@testable import TokenSimKit

/// bounded-amplification judged from metrics directly: at most the threshold passes (inclusive),
/// anything above fails with the counts as evidence, and a scenario's threshold or `false`
/// replaces the default of 4×.
@Suite struct BoundedAmplificationVerdictTests {
  func metrics(requests: Int, minimal: Int) -> RunMetrics {
    var metrics = RunMetrics()
    metrics.tokenRequests = requests
    metrics.minimalRefreshes = minimal
    metrics.amplification = Double(requests) / Double(max(1, minimal))
    return metrics
  }

  func judged(_ metrics: RunMetrics, settings: CheckSettings = CheckSettings()) throws -> CheckResult {
    try #require(CheckCatalog.judge(metrics, RunFindings(), settings: settings).first { $0.id == "bounded-amplification" })
  }

  @Test func exactlyAtTheDefaultThresholdPasses() throws {
    let result = try judged(metrics(requests: 12, minimal: 3))
    #expect(result.verdict == .pass)
    #expect(result.threshold == 4)
    #expect(result.observed == 4)
    #expect(result.evidence == nil)
  }

  @Test func aboveTheThresholdFailsWithTheCountsAsEvidence() throws {
    let result = try judged(metrics(requests: 13, minimal: 3))
    #expect(result.verdict == .fail)
    #expect(result.observed == 13.0 / 3.0)
    #expect(result.evidence == Evidence(time: nil, process: nil, what: "sent 13 token requests where a perfect client needed 3"))
  }

  @Test func aScenarioThresholdReplacesTheDefaultAndFalseTurnsItOff() throws {
    var settings = CheckSettings()
    settings["bounded-amplification"] = .threshold(100)
    #expect(try judged(metrics(requests: 300, minimal: 3), settings: settings).verdict == .pass)
    #expect(try judged(metrics(requests: 301, minimal: 3), settings: settings).verdict == .fail)
    settings["bounded-amplification"] = .off
    #expect(try judged(metrics(requests: 10_000, minimal: 1), settings: settings).verdict == .skipped)
  }

  /// On otherwise clean metrics it is the one check that fails, so it alone decides the verdict.
  @Test func onCleanMetricsItIsTheOnlyFailingCheck() throws {
    let results = CheckCatalog.judge(metrics(requests: 13, minimal: 3), RunFindings(), settings: CheckSettings())
    #expect(results.filter { $0.verdict == .fail }.map(\.id) == ["bounded-amplification"])
  }
}

import Foundation
import Testing

@testable import TokenSimKit

/// No scenario the validator accepts may trap on arithmetic (issue 16): conversions from
/// floating point saturate at a documented limit, and what cannot saturate is refused by
/// validation with the path and the allowed range. One test per class of trap, each on the
/// smallest scenario that showed it.
@Suite struct SaturationTests {
  let limit = SimDuration.saturationLimit

  @Test func conversionsFromDoubleClampAtTheLimitAndMapNaNToAStatedValue() {
    #expect(limit == .days(36_500))
    #expect(SimDuration(saturatingMicroseconds: 1e30) == limit)
    #expect(SimDuration(saturatingMicroseconds: -.infinity) == .zero - limit)
    #expect(SimDuration(saturatingMicroseconds: .nan) == .zero)
    #expect(SimDuration(saturatingMicroseconds: 1.5) == SimDuration(microseconds: 2))
    #expect(SimDuration(saturatingSeconds: 0.25) == .milliseconds(250))
    #expect(SimInstant(saturatingMicroseconds: 1e19) == .never)
    #expect(SimInstant(saturatingMicroseconds: .nan) == .never)
    #expect(SimInstant(saturatingMicroseconds: 10.2) == SimInstant(microseconds: 11))
  }

  @Test func productsOfDurationsSaturate() {
    #expect(SimDuration.days(1).saturatingMultiplied(by: 1 << 30) == limit)
    #expect(SimDuration.days(1).saturatingMultiplied(by: .max) == limit)
    #expect(SimDuration.days(-1).saturatingMultiplied(by: .max) == .zero - limit)
    #expect(SimDuration.seconds(3).saturatingMultiplied(by: 4) == .seconds(12))
  }

  @Test func aLognormalDrawWithAHugeMedianAndSigmaIsCappedNotATrap() {
    let latency = LatencyDistribution.lognormal(median: .days(3_650), sigma: 5, maximum: .days(3_650))
    var random = RandomStream(rootSeed: 1, name: "test")
    for _ in 0..<10_000 { #expect(latency.sample(&random) <= .days(3_650)) }
  }

  @Test func theLognormalScenarioThatTrappedRunsToCompletion() throws {
    let server = #"{"apiLatency": {"lognormal": {"median": "3650d", "sigma": 5, "max": "3650d"}}}"#
    let result = try run(
      oneHost(duration: "1h", server: server, processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "1s"}}]"#))
    #expect(result.stopReason == .endOfTime)
  }

  @Test func poissonDrawsSaturateForAnyRate() {
    var random = RandomStream(rootSeed: 1, name: "test")
    #expect(random.exponential(perHour: 0) == limit)
    #expect(random.exponential(perHour: 1e-300) == limit)
    #expect(random.exponential(perHour: 1e300) == .zero)
  }

  @Test func aPoissonCLIAtAMillionAnHourRuns() throws {
    let processes = #"[{"name": "c", "role": "cli", "arrivals": {"perHour": 1e6}}]"#
    let result = try run(oneHost(duration: "10s", processes: processes))
    #expect(result.stopReason == .endOfTime)
    #expect(result.metrics.processStarts > 2_000)
  }

  @Test func aPoissonRateBelowTheMinimumIsRefusedWithItsRange() throws {
    let processes = #"[{"name": "c", "role": "cli", "arrivals": {"perHour": 1e-9}}]"#
    let error = try #require(refusal(oneHost(duration: "1h", processes: processes)))
    #expect(error.path == "$.hosts[0].processes[0].arrivals.perHour")
    #expect(error.expected == "a number from 0.001 to 100000000")
    #expect(error.found == "the number 1e-9")
  }

  @Test(arguments: [-100_000, 100_000])
  func clocksAtTheExtremesOfDriftAndOffsetRun(driftPPM: Int) throws {
    let host = #""clockOffset": "-45d", "driftPPM": \#(driftPPM)"#
    let processes = """
      [{"name": "d", "role": "daemon", "cycle": {"every": "1m"}}, {"name": "c", "role": "cli", "arrivals": {"every": "5m"}}]
      """
    for strategy in ["naive", "lease-shared", "lock-whole-refresh"] {
      let result = try run(oneHost(duration: "3h", processes: processes, host: host), strategy: strategy)
      #expect(result.stopReason == .endOfTime)
      #expect(result.metrics.apiCalls > 50)
    }
  }

  @Test func aLocalDeadlineBeyondAnyRunIsNeverNotATrap() {
    let clock = HostClock(offset: .days(365), driftPPM: -100_000)
    #expect(clock.trueInstant(SimInstant(microseconds: .max - 1)) == .never)
    #expect(clock.trueInstant(SimInstant(microseconds: .min + 1)) < .start)
  }

  @Test(arguments: ["100000000d", "1000000000000000d", "99999999999999999s"])
  func aHugeDurationIsRefusedWithTheAllowedRange(text: String) throws {
    let error = try #require(refusal(oneHost(duration: text, processes: "[]")))
    #expect(error.path == "$.duration")
    #expect(error.expected.hasPrefix("a duration from 1s to 3650d"))
    #expect(error.found == "the string \"\(text)\"")
  }

  @Test func hostCopiesAreCountedBeforeTheyAreExpanded() throws {
    let hosts = (0..<11).map { #"{"name": "h\#($0)", "copies": 10000, "processes": []}"# }
    let json = """
      {"name": "t", "description": "test", "duration": "1h", "hosts": [\(hosts.joined(separator: ","))]}
      """
    let error = try #require(refusal(json))
    #expect(error.path == "$.hosts")
    #expect(error.expected == "at most 100000 hosts, copies included")
    #expect(error.found == "110000 hosts")
  }

  private func refusal(_ json: String) -> ScenarioError? {
    do {
      _ = try Scenario.parse(json, file: "extreme.json")
      return nil
    } catch { return error }
  }
}

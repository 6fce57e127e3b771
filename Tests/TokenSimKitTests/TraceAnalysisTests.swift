import Testing

@testable import TokenSimKit

/// Metrics and verdicts of hand-written traces, where every value follows from the events.
struct TraceAnalysisTests {
  /// A daemon sending `perMinute` token requests in each minute from `from` to `to` (minutes).
  func load(_ perMinute: Int, minutes: Range<Int64>, request: inout Int) -> [TraceEvent] {
    minutes.flatMap { minute in
      (0..<perMinute).flatMap { index -> [TraceEvent] in
        request += 1
        let second = minute * 60 + Int64(index * 60 / perMinute)
        return [
          at(second, .tokenRequestSent(process: 1, request: request, token: 1)),
          at(second, .tokenRequestEnded(process: 1, request: request, outcome: .serverError, status: 503, retryAfter: nil)),
        ]
      }
    }
  }

  func analysis(_ events: [TraceEvent], minutes: Int64, settings: CheckSettings = CheckSettings()) -> RunAnalysis {
    let start = [at(0, .processStarted(process: 1, name: "h/d", role: .daemon, host: "h"))]
    let end = [at(minutes * 60, .runEnded(reason: .endOfTime))]
    return RunAnalysis(trace: start + events + end, duration: .minutes(minutes), settings: settings)
  }

  /// 2 requests a minute, a 503 window from minute 10 to 12 with 30 a minute, which go on until
  /// `stormEnds`, then 2 a minute again until minute 40.
  func storm(until stormEnds: Int64) -> RunAnalysis {
    var request = 0
    var events = load(2, minutes: 0..<10, request: &request)
    events.append(
      at(600, .faultWindow(rule: 0, fault: FaultRule(target: .token, effect: .status(503, retryAfter: nil)), open: true)))
    events += load(30, minutes: 10..<12, request: &request)
    events.append(
      at(720, .faultWindow(rule: 0, fault: FaultRule(target: .token, effect: .status(503, retryAfter: nil)), open: false)))
    events += load(30, minutes: 12..<stormEnds, request: &request)
    events += load(2, minutes: stormEnds..<40, request: &request)
    return analysis(events, minutes: 40)
  }

  @Test func loadThatStaysHighLongAfterTheTriggerIsMetastable() {
    let result = storm(until: 30)
    #expect(result.metrics.loadRecoverySeconds == 1_080, "baseline 2/min; elevated above 6/min until minute 30")
    #expect(result.metrics.metastable)
  }

  @Test func loadThatDropsBackSoonAfterTheTriggerIsNotMetastable() {
    let result = storm(until: 14)
    #expect(result.metrics.loadRecoverySeconds == 120)
    #expect(!result.metrics.metastable)
  }

  @Test func aFaultWindowOpenAtTheEndLeavesConvergenceUnknown() {
    let events = [
      at(600, .faultWindow(rule: 0, fault: FaultRule(target: .token, effect: .status(502, retryAfter: nil)), open: true)),
      at(610, .callDenied(process: 1)),
    ]
    let result = analysis(events, minutes: 20)
    #expect(result.metrics.convergenceSeconds == nil)
    #expect(result.checks.first { $0.id == "converges" }?.verdict == .unknown)
    #expect(result.verdict == .fail, "availability fails too: the only call failed")
    var lenient = CheckSettings()
    lenient["availability"] = .off
    #expect(analysis(events, minutes: 20, settings: lenient).verdict == .unknown)
  }

  @Test func tornReadsAndLostUpdatesBreakStoreIntegrity() {
    let events = [
      at(5, .storeRead(process: 1, host: "h", result: .torn)),
      at(9, .storeWritten(process: 1, host: "h", refreshToken: 3, lostUpdate: true)),
    ]
    let result = analysis(events, minutes: 1)
    #expect(result.metrics.tornReads == 1)
    #expect(result.metrics.storeLostUpdates == 1)
    let check = result.checks.first { $0.id == "store-integrity" }
    #expect(check?.observed == 2)
    #expect(check?.evidence == Evidence(time: .init(microseconds: 5_000_000), process: "h/d", what: "read a torn store file"))
  }

  @Test func theTimelineBucketsCountRequestsCallsAndLaneStates() {
    let events = [
      at(30, .apiCallEnded(process: 1, ok: true, status: 200)),
      at(90, .apiCallEnded(process: 1, ok: false, status: 401)),
      at(95, .tokenRequestSent(process: 1, request: 1, token: 1)),
      at(95, .tokenRequestEnded(process: 1, request: 1, outcome: .invalidGrant, status: 400, retryAfter: nil)),
      at(96, .alertRaised(process: 1, message: "needs login")),
      at(150, .processExited(process: 1, ok: false)),
    ]
    let result = analysis(events, minutes: 4)
    #expect(result.timeline.bucketSeconds == 5, "4 minutes fit in 200 buckets of 5 s at the least")
    #expect(result.timeline.buckets.count == 48)
    #expect(result.timeline.buckets[19].tokenRequests == ["invalidGrant": 1])
    #expect(result.timeline.buckets[6].apiCallsOK == 1)
    #expect(result.timeline.buckets[18].apiCallsFailed == 1)
    let states = Array(result.timeline.lanes[0].states)
    #expect(states.count == 48)
    #expect((states[6], states[18], states[19], states[25], states[40]) == ("o", "x", "!", "!", " "))
  }

  @Test func theWidthOfABucketFollowsTheRunLength() {
    #expect(Timeline.width(for: .hours(2)) == .minutes(1))
    #expect(Timeline.width(for: .days(1)) == .minutes(10))
    #expect(Timeline.width(for: .days(30)) == .hours(6))
  }

  @Test func theVerdictIsTheWorstOfTheChecksIgnoringSkippedOnes() {
    #expect(CheckVerdict.worst(of: [.pass, .skipped, .unknown]) == .unknown)
    #expect(CheckVerdict.worst(of: [.unknown, .fail, .pass]) == .fail)
    #expect(CheckVerdict.worst(of: [.skipped]) == .pass)
  }
}

/// Scenario overrides of the checks.
struct CheckSettingsTests {
  @Test func aScenarioSetsThresholdsAndTurnsChecksOff() throws {
    let json = MetricTests.twoDaemons.replacingOccurrences(
      of: #""duration": "2h","#, with: #""duration": "2h", "checks": {"no-thrash": 100000, "converges": false},"#)
    let result = try run(json, strategy: "naive")
    let thrash = try #require(result.analysis.checks.first { $0.id == "no-thrash" })
    #expect(thrash.verdict == .pass)
    #expect(thrash.threshold == 100_000)
    let converges = try #require(result.analysis.checks.first { $0.id == "converges" })
    #expect(converges.verdict == .skipped)
    #expect(converges.threshold == nil)
  }

  @Test func anUnknownCheckOrABadThresholdIsExplained() {
    func error(_ checks: String) -> String {
      let json = oneHost(duration: "1h", processes: "[]").replacingOccurrences(
        of: #""duration": "1h","#, with: #""duration": "1h", "checks": \#(checks),"#)
      do {
        _ = try scenario(json)
        return "no error"
      } catch { return "\(error)" }
    }
    #expect(error(#"{"no-trash": 3}"#).contains("did you mean \"no-thrash\""))
    #expect(
      error(#"{"availability": 2}"#).contains(
        "$.checks.availability: expected false to turn the check off, or its threshold: a number from 0 to 1"))
    #expect(error(#"{"no-hang": "5m"}"#).contains("expected false to turn the check off, or its threshold"))
  }
}

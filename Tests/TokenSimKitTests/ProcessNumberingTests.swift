import Testing

@testable import TokenSimKit

/// The analysis keeps per-process state in pages for ids numbered 1, 2, 3, … as a simulated world
/// numbers them, and any other id (a live server's, a hand-written trace's) in a dictionary: the
/// same trace with its process and request ids renumbered any way analyzes the same.
struct ProcessNumberingTests {
  /// A daemon and two invocations of a CLI: the daemon succeeds and gets a token; the first
  /// invocation fails a call and crashes with a request in flight; the second raises an alert and
  /// exits. Processes and requests are numbered by `process` and `request`.
  func trace(process: (Int) -> Int, request: (Int) -> Int) -> [TraceEvent] {
    let (daemon, first, second) = (process(1), process(2), process(3))
    return [
      at(0, .login(host: "h", family: 1, accessTokenTTL: .hours(1), refreshExpiry: nil)),
      at(0, .processStarted(process: daemon, name: "h/d", role: .daemon, host: "h")),
      at(1, .processStarted(process: first, name: "h/job#1", role: .cli, host: "h")),
      at(2, .processStarted(process: second, name: "h/job#2", role: .cli, host: "h")),
      at(3, .apiCallEnded(process: daemon, ok: true, status: 200)),
      at(4, .apiCallEnded(process: first, ok: false, status: 500)),
      at(5, .tokenRequestSent(process: first, request: request(1), token: 1)),
      at(6, .tokenRequestSent(process: daemon, request: request(2), token: 1)),
      at(9, .processCrashed(process: first)),
      at(10, .tokenRequestEnded(process: daemon, request: request(2), outcome: .ok, status: 200, retryAfter: nil)),
      at(11, .alertRaised(process: second, message: "log in again")),
      at(12, .processExited(process: second, ok: true)),
      at(60, .runEnded(reason: .endOfTime)),
    ]
  }

  func analysis(process: (Int) -> Int, request: (Int) -> Int) -> RunAnalysis {
    RunAnalysis(trace: trace(process: process, request: request), duration: .minutes(1), settings: CheckSettings())
  }

  @Test func idsFarApartNegativeOrOutOfOrderAnalyzeAsOneTwoThree() {
    let dense = analysis(process: { $0 }, request: { $0 })
    #expect(dense.metrics.processStarts == 3 && dense.metrics.cliInvocations == 2)
    #expect(dense.metrics.apiCalls == 2 && dense.metrics.apiCallsFailed == 1)
    #expect(dense.metrics.tokenRequestsByOutcome == ["ok": 1, "noReply": 1])
    #expect(dense.metrics.longestTokenRequestSeconds == 4, "the crashed invocation's request, 5 s to 9 s")
    #expect(dense.findings.failedCall?.process == "h/job#1" && dense.findings.longestRequest?.process == "h/job#1")
    let numberings: [(process: [Int], request: [Int])] = [
      ([1_000_003, -7, 2_050], [9_999, 3]),
      ([3, 2, 1], [2, 1]),
      ([1_025, 1, 5_000_000_000], [0, 2_048]),
    ]
    for numbering in numberings {
      let renumbered = analysis(process: { numbering.process[$0 - 1] }, request: { numbering.request[$0 - 1] })
      #expect(renumbered.metrics == dense.metrics, "\(numbering)")
      #expect(renumbered.timeline == dense.timeline, "\(numbering)")
      #expect(renumbered.findings.failedCall == dense.findings.failedCall, "\(numbering)")
      #expect(renumbered.findings.longestRequest == dense.findings.longestRequest, "\(numbering)")
      #expect(renumbered.verdict == dense.verdict, "\(numbering)")
    }
  }

  /// A trace from elsewhere may number a new request as one of the same process that ended: the
  /// second is in flight once, and the process crashing with it ends it once.
  @Test func aRequestNumberUsedAgainByItsProcessIsInFlightOnce() {
    let trace = [
      at(0, .login(host: "h", family: 1, accessTokenTTL: .hours(1), refreshExpiry: nil)),
      at(0, .processStarted(process: 1, name: "h/d", role: .daemon, host: "h")),
      at(1, .tokenRequestSent(process: 1, request: 5, token: 1)),
      at(2, .tokenRequestEnded(process: 1, request: 5, outcome: .ok, status: 200, retryAfter: nil)),
      at(3, .tokenRequestSent(process: 1, request: 5, token: 1)),
      at(5, .processCrashed(process: 1)),
      at(60, .runEnded(reason: .endOfTime)),
    ]
    let analysis = RunAnalysis(trace: trace, duration: .minutes(1), settings: CheckSettings())
    #expect(analysis.metrics.tokenRequests == 2)
    #expect(analysis.metrics.tokenRequestsByOutcome == ["ok": 1, "noReply": 1])
    #expect(analysis.metrics.longestTokenRequestSeconds == 2, "the second request, 3 s to the crash at 5 s")
  }

  @Test func aPageOfEndedCLIInvocationsIsLetGo() {
    var fold = TraceAnalyzer(duration: .hours(1))
    for id in 1...3_000 {
      fold.observe(at(Int64(id), .processStarted(process: id, name: "h/job#\(id)", role: .cli, host: "h")))
      fold.observe(at(Int64(id), .processExited(process: id, ok: true)))
    }
    #expect(fold.processPagesKept <= 1, "3,000 invocations, none alive")
  }

  @Test func invocationsOfOneCLIShareAWorkerAndEveryOtherNameIsItsOwn() {
    var names = WorkerNames()
    for host in 0..<100 {
      #expect(names.worker(of: "h\(host)/job#1", role: .cli) == (2 * host, true))
      #expect(names.worker(of: "h\(host)/d#1", role: .daemon) == (2 * host + 1, true), "only a CLI's # counts")
    }
    for host in 0..<100 {
      #expect(names.worker(of: "h\(host)/job#\(host + 2)", role: .cli) == (2 * host, false))
      #expect(names.worker(of: "h\(host)/job", role: .daemon) == (2 * host, false), "the same name is the same worker")
    }
    #expect(names.names.count == 200 && names.names[0] == "h0/job" && names.names[1] == "h0/d#1")
  }
}

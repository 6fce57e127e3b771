import Foundation
import Testing

@testable import TokenSimKit

/// The work of an event does not grow with what waits (issue 19): counted, not timed. Each data
/// structure that holds a line counts the entries it looks at, and the count per operation stays
/// within a logarithm of the line's length.
@Suite struct WorkPerEventTests {
  /// `waiters` CLI invocations start together on one host and take its lock file (lease-shared);
  /// the first holds it for a minute writing its lease, so every other one waits 5 s and gives up.
  func crowdedLock(waiters: Int) throws -> (world: World, timeouts: Int) {
    let json = oneHost(
      duration: "2m", server: #"{"accessTokenTTL": "1h"}"#,
      processes: #"[{"name": "job", "role": "cli", "arrivals": {"cron": "1h", "burst": \#(waiters)}, "refreshAtStart": true}]"#,
      host: #""lock": {"kind": "lock-file"}, "store": {"writeTime": "1m"}"#)
    let strategy = try choice("lease-shared")
    let world = World(scenario: try scenario(json), seed: 1, retention: .keep, makeStrategy: strategy.makeStrategy)
    world.run()
    let timeouts = world.trace.count { if case .lock(_, _, .unavailable) = $0.kind { true } else { false } }
    return (world, timeouts)
  }

  @Test func entriesVisitedPerLockWaitTimeoutStayWithinALogarithmOfTheLine() throws {
    var perTimeout: [Double] = []
    for waiters in [100, 800] {
      let (world, timeouts) = try crowdedLock(waiters: waiters)
      #expect(timeouts >= waiters - 1, "every waiter but the holder gave up at least once")
      let visited = world.hosts[0].lock.line.visited
      let bound = 2 * log2(Double(waiters)) + 8
      perTimeout.append(Double(visited) / Double(timeouts))
      #expect(perTimeout.last! <= bound, "\(visited) entries visited for \(timeouts) timeouts of \(waiters) waiters")
    }
    #expect(perTimeout[1] < perTimeout[0] + 8, "eight times the waiters, a few more probes each: \(perTimeout)")
  }

  @Test func aLineFindsRemovesAndKeepsKeyOrderWithBoundedMemory() {
    var line = KeyedLine<String>()
    for key in stride(from: 2, through: 2_000, by: 2) { line.append(key, "v\(key)") }
    for key in stride(from: 4, through: 2_000, by: 4) { #expect(line.removeValue(forKey: key) == "v\(key)") }
    #expect(line.count == 500 && line[6] == "v6" && line[8] == nil && line.removeValue(forKey: 3) == nil)
    line[3] = "late"
    #expect(line.first?.key == 2 && line.elements.prefix(3).map(\.key) == [2, 3, 6])
    #expect(line.removeFirst()?.value == "v2" && line.removeFirst()?.value == "late")
    let before = line.visited
    for key in stride(from: 6, through: 2_000, by: 4) { line.removeValue(forKey: key) }
    #expect(line.isEmpty && line.removeFirst() == nil)
    #expect(line.visited - before < 500 * 14, "a binary search (≤ 11 probes) and an amortized sweep per removal")
  }

  @Test func aLineRemovesItsFirstEntryOnlyWhenAskedAndSkipsRemovedOnesOnce() {
    var line = KeyedLine<Int>()
    for key in 1...1_000 { line.append(key, key * 10) }
    for key in 1...500 { line.removeValue(forKey: key) }
    #expect(line.removeFirst(if: { $0 > 5_010 }) == nil && line.count == 500)
    let before = line.visited
    #expect(line.removeFirst(if: { $0 > 5_000 })?.key == 501 && line.count == 499)
    #expect(line.removeFirst(if: { $0 > 5_000 })?.key == 502)
    #expect(line.visited - before == 2, "the 500 removed entries were skipped by the first look and not again")
  }

  @Test func aLiveTokenCapKeepsFewEntriesHoweverManyTokensAreMinted() throws {
    var config = ServerConfig()
    config.rotation = .rotate
    config.maxLiveRefreshTokens = 3
    var ledger = TokenLedger(config: config)
    var tokens = (0..<3).map { _ in ledger.login(host: "h", now: .start).refreshToken! }
    for round in 0..<3_000 {
      let grant = ledger.refresh(tokens[round % 3], now: .start + .seconds(Int64(round)))
      guard case .issued(let issued, _, _) = grant else {
        Issue.record("refused at round \(round): \(grant)")
        return
      }
      tokens[round % 3] = issued.refreshToken!
    }
    #expect(ledger.live!.active == 3)
    #expect(ledger.live!.kept.count <= 2 * 3 + 17, "rotated tokens are swept out, not kept for ever")
  }

  /// Runs `json` under `strategy` with its host's broker, step by step, and returns the world and
  /// the most questions the broker held at once.
  static func runCountingBrokerQuestions(_ json: String, strategy: StrategyChoice) throws -> (World, Int) {
    let world = World(scenario: try scenario(json), seed: 1, brokers: true, retention: .keep, makeStrategy: strategy.makeStrategy)
    var peak = 0
    while world.step() {
      guard let broker = world.hosts[0].broker, world.processes.contains(broker), world.processes[broker].alive,
        let held = (world.processes[broker].strategy.strategy as? BrokerStrategy)?.questionsHeld
      else { continue }
      peak = max(peak, held)
    }
    return (world, peak)
  }

  /// `clients` CLI invocations ask their host's broker for a token while the token endpoint hangs:
  /// the broker's refresh times out and retries for minutes, and each client asks again every 6 s.
  /// Returns the most questions the broker held at once, and the clients that asked.
  func brokerThroughAnOutage(clients: Int, duration: String) throws -> (peak: Int, asked: Int) {
    let json = oneHost(
      duration: duration, server: #"{"accessTokenTTL": "1s", "faults": [{"target": "token", "effect": "hang"}]}"#,
      processes: #"[{"name": "job", "role": "cli", "arrivals": {"cron": "1h", "burst": \#(clients)}}]"#)
    let strategy = try choice("broker")
    let (world, peak) = try Self.runCountingBrokerQuestions(json, strategy: strategy)
    let asked = Set(world.trace.compactMap { if case .processStarted(let id, _, .cli, _) = $0.kind { id } else { nil } })
    return (peak, asked.count)
  }

  @Test func aBrokerHoldsOneQuestionPerWaitingClientHoweverLongTheyWait() throws {
    for duration in ["1m", "3m"] {
      let (peak, clients) = try brokerThroughAnOutage(clients: 50, duration: duration)
      #expect(clients == 50)
      #expect(peak == 50, "\(duration): every client waits at once, each with one open question, not one per ask")
    }
  }

  /// A CLI invocation every second asks its host's broker for a token while the token endpoint
  /// hangs; each asks once (`brokerAttempts=1`), fails when its 5-s wait runs out and exits.
  /// Returns the most questions the broker held at once, and how many invocations ended.
  func brokerWhileClientsLeave(duration: String) throws -> (peak: Int, ended: Int) {
    let json = oneHost(
      duration: duration, server: #"{"accessTokenTTL": "1s", "faults": [{"target": "token", "effect": "hang"}]}"#,
      processes: #"[{"name": "job", "role": "cli", "arrivals": {"every": "1s"}}]"#)
    let strategy = try choice("broker", ["brokerAttempts=1", "brokerFallback=fail"])
    let (world, peak) = try Self.runCountingBrokerQuestions(json, strategy: strategy)
    let ended = world.trace.count { if case .processExited(_, false) = $0.kind { true } else { false } }
    return (peak, ended)
  }

  @Test func aBrokerForgetsTheQuestionsOfClientsThatLeftWithoutAnAnswer() throws {
    for (duration, left) in [("2m", 116), ("8m", 476)] {
      let (peak, ended) = try brokerWhileClientsLeave(duration: duration)
      #expect(ended == left, "\(duration): every invocation but the last few gave up and exited")
      #expect(peak == 10, "\(duration): the questions of the last 10 s (twice the wait), however many left")
    }
  }
}

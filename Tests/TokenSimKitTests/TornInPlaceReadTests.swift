import Testing

@testable import TokenSimKit

/// An in-place write exposes a half-written file for as long as it takes: a read that starts
/// during it is torn. An atomic rename never is: readers see the old file, then the new one.
@Suite struct TornInPlaceReadTests {
  let old = StoreContents(credentials: credentials(1, expiry: .start + .hours(1)))
  let new = StoreContents(credentials: credentials(1, expiry: .start + .hours(2)))

  func store(_ mode: StoreConfig.WriteMode) -> CredentialStore {
    var config = StoreConfig()
    config.writeMode = mode
    var store = CredentialStore(config: config)
    store.login(old.credentials!)
    return store
  }

  @Test func aReadDuringAnInPlaceWriteIsTornAndAfterItSeesTheNewFile() {
    var store = store(.inPlace)
    #expect(store.read() == .contents(store: old))
    store.beginWrite()
    #expect(store.read() == .torn)
    #expect(store.finishWrite(new) == false)
    #expect(store.read() == .contents(store: new))
  }

  @Test func aReadDuringAnAtomicWriteSeesTheOldFile() {
    var store = store(.atomicRename)
    store.beginWrite()
    #expect(store.read() == .contents(store: old))
    _ = store.finishWrite(new)
    #expect(store.read() == .contents(store: new))
  }

  /// In a world: process 1 writes the store at 1 s (taking 5 ms); process 2 starts reads just
  /// before, inside and just after that write. Only the reads that start inside it are torn.
  @Test(arguments: StoreConfig.WriteMode.allCases) func inAWorldOnlyReadsStartingInsideTheWriteAreTorn(
    mode: StoreConfig.WriteMode
  ) throws {
    let host = #""store": {"write": "\#(mode.rawValue)", "writeTime": "5ms", "readTime": "1ms"}"#
    let processes = #"""
      [{"name": "writer", "role": "daemon", "cycle": {"every": "1h", "apiCalls": 0}},
       {"name": "reader", "role": "daemon", "cycle": {"every": "1h", "apiCalls": 0}}]
      """#
    let log = ReadLog()
    let writeAt = SimInstant.start + .seconds(1)
    let offsets: [Int64] = [-1, 1, 4_999, 5_001]
    _ = try run(oneHost(duration: "2s", processes: processes, host: host)) { _ in
      WriteThenRead(writeAt: writeAt, readOffsets: offsets.map(SimDuration.init(microseconds:)), contents: new, log: log)
    }
    let torn = log.reads.map { $0.result == .torn }
    #expect(log.reads.map(\.start) == offsets.map { writeAt + SimDuration(microseconds: $0) })
    #expect(torn == (mode == .inPlace ? [false, true, true, false] : [false, false, false, false]))
    #expect(log.reads.first?.result == .contents(store: old))
    #expect(log.reads.last?.result == .contents(store: new))
  }
}

/// The reads process 2 made: when each started and what it saw.
private final class ReadLog {
  var reads: [(start: SimInstant, result: StoreReadResult)] = []
}

/// Process 1 writes `contents` at `writeAt`; process 2 reads at `writeAt` plus each offset.
private struct WriteThenRead: RefreshStrategy {
  let writeAt: SimInstant
  let readOffsets: [SimDuration]
  let contents: StoreContents
  let log: ReadLog
  var pending: [SimInstant] = []

  mutating func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    actions += answer(event, context: &context)
  }

  mutating func answer(_ event: StrategyEvent, context: inout StrategyContext) -> [StrategyAction] {
    switch event {
    case .started where context.processID == 1:
      return [.setTimer(name: TimerName("write"), at: writeAt)]
    case .started:
      return readOffsets.enumerated().map { .setTimer(name: TimerName("read-\($0)"), at: writeAt + $1) }
    case .timerFired(TimerName("write")):
      return [.writeStore(contents: contents)]
    case .timerFired:
      pending.append(context.now)
      return [.readStore]
    case .storeRead(let result):
      log.reads.append((pending.removeFirst(), result))
      return []
    default:
      return []
    }
  }
}

/// Issue 15, item 7: a writer that dies in the middle of an in-place write leaves a truncated
/// file, which every later read sees torn until a complete write replaces it.
@Suite struct TruncatedStoreTests {
  @Test func aWriterThatDiesMidInPlaceWriteLeavesATruncatedFileEveryLaterReadSeesTorn() {
    var config = StoreConfig()
    config.writeMode = .inPlace
    var store = CredentialStore(config: config)
    store.login(credentials(1, expiry: .start + .hours(1)))
    store.beginWrite()
    store.abandonWrite()
    #expect(store.read() == .torn)
    #expect(store.read() == .torn)
    let fresh = StoreContents(credentials: credentials(2, expiry: .start + .hours(2)))
    store.beginWrite()
    _ = store.finishWrite(fresh)
    #expect(store.read() == .contents(store: fresh))
  }

  /// The smallest world: a daemon refreshes at 50 s, writing in place for 5 s, and crashes at
  /// 52 s; restarted at 53 s it loads the truncated file, holds no session, says so once (a
  /// needs-login alert at its first cycle) and every cycle fails; store-integrity sees the torn
  /// reads. An atomic rename keeps the old pair instead.
  @Test func aStoreTruncatedByACrashIsVisibleToStoreIntegrity() throws {
    let processes = #"""
      [{"name": "d", "role": "daemon", "cycle": {"every": "10s"}, "crash": {"at": "52s"}, "restartAfter": "1s"}]
      """#
    let server = #"{"accessTokenTTL": "1m"}"#
    let inPlace = try run(
      oneHost(
        duration: "2m", server: server, processes: processes, host: #""store": {"write": "in-place", "writeTime": "5s"}"#))
    #expect(inPlace.metrics.tornReads == 1)
    #expect(inPlace.metrics.workCyclesFailed == 7)
    #expect(inPlace.metrics.needsLoginAlerts == 1)
    #expect(inPlace.analysis.checks.first { $0.id == "store-integrity" }?.verdict == .fail)
    let atomic = try run(
      oneHost(duration: "2m", server: server, processes: processes, host: #""store": {"writeTime": "5s"}"#))
    #expect(atomic.metrics.tornReads == 0)
    #expect(atomic.metrics.needsLoginAlerts == 0)
    #expect(atomic.analysis.checks.first { $0.id == "store-integrity" }?.verdict == .pass)
  }
}

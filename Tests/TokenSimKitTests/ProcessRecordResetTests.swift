import Testing

@testable import TokenSimKit

/// A process record is put back by hand-written lists of fields: at a restart
/// (`SimProcess.forgetIncarnation`, through `beginIncarnation`) and when it is retired
/// (`SimProcess.release`). The fields are found by reflection, so a field added later and left
/// out of a list fails here.
struct ProcessRecordResetTests {
  /// The fields a restart keeps: who the process is, its streams and strategy, its numbering of
  /// asks, items and cycles (events of an earlier incarnation carry old numbers), and what the
  /// world tracks across incarnations.
  static let keptByRestart: Set<String> = [
    "id", "_number", "host", "template", "incarnation", "random", "strategy", "crashRandom", "schedulerFailuresLeft",
    "nextAsk", "rejectedCall", "cycleEpoch", "cliCallsLeft", "nextItem", "role", "alive", "crashWaiting",
    "usesEnvironment",
  ]

  static func record(number: Int? = 2, strategy: StrategyBox? = nil) -> SimProcess {
    var prototypes = StrategyPrototypes({ _ in NaiveStrategy() }, oncePerRole: true)
    return SimProcess(
      id: 1, number: number, host: 0, template: 0, role: .daemon, random: RandomStream(rootSeed: 1, name: "p"),
      strategy: strategy ?? StrategyBox(.daemon, prototypes: &prototypes), crashRandom: RandomStream(rootSeed: 1, name: "c"),
      schedulerFailuresLeft: 0)
  }

  /// Each field's value as `dump` spells it, by label.
  static func fields(_ process: SimProcess) -> [String: String] {
    var fields: [String: String] = [:]
    for child in Mirror(reflecting: process).children {
      var text = ""
      dump(child.value, to: &text)
      fields[child.label!] = text
    }
    return fields
  }

  /// Every field the restart does not keep, set away from its initial value.
  static func dirty(_ process: inout SimProcess) {
    _ = process.stopRunning(crashed: true)
    process.asks.append(1, OpenAsk(purpose: .cli, isRetry: false))
    process.cycleCallsLeft = 3
    process.restarting = true
    process.askedOnce = true
    process.items.append(1, 2)
    process.lockTicket = 4
    process.refreshesInFlight = 1
    process.requestsOpen.add(5)
    process.requestsOpen.add(6)
    process.writeInFlight = true
    process.exitWhenIdle = true
    process.performingActions = true
    _ = process.timerArmings.arm(.refresh)
    process.pendingQuestions = [PendingQuestion(peer: 2, correlation: 6): 1]
    process.holdsLock = true
  }

  @Test func aRestartPutsBackEveryFieldItDoesNotKeep() {
    let fresh = Self.fields(Self.record())
    var used = Self.record()
    _ = used.beginIncarnation()
    Self.dirty(&used)
    let reset = Set(fresh.keys).subtracting(Self.keptByRestart)
    #expect(Self.keptByRestart.isSubset(of: fresh.keys), "a kept field is gone: update the list")
    for label in reset.sorted() {
      #expect(Self.fields(used)[label] != fresh[label], "the test does not set \(label): set it in dirty(_:)")
    }
    _ = used.beginIncarnation()
    for label in reset.sorted() {
      #expect(Self.fields(used)[label] == fresh[label], "a restart keeps \(label)")
    }
  }

  /// What a retired record keeps owns nothing: every field that is not plain data is as a blank
  /// record's (no strategy, empty lines).
  @Test func aReleasedRecordOwnsNothing() {
    let blank = Self.fields(Self.record(strategy: StrategyBox()))
    var used = Self.record()
    _ = used.beginIncarnation()
    Self.dirty(&used)
    var parts = ProcessParts(strategies: StrategyPrototypes({ _ in NaiveStrategy() }, oncePerRole: true))
    used.release(into: &parts)
    let reused = parts.askLine()
    #expect(reused.isEmpty && reused.first == nil, "a retired process's ask line is given back empty")
    #expect(used.incarnation == -1)
    #expect(!used.alive)
    let released = Self.fields(used)
    var owning: [String] = []
    for child in Mirror(reflecting: used).children where !isPlainData(child.value) {
      owning.append(child.label!)
      #expect(released[child.label!] == blank[child.label!], "release keeps \(child.label!)")
    }
    #expect(owning.contains("requestsOpen") && owning.count >= 6, "\(owning)")
  }

  static func dumped(_ box: StrategyBox) -> String {
    var text = ""
    dump(box.strategy, to: &text)
    return text
  }

  /// A retired process's strategy holder is used again for the next process of its role, which
  /// must start with the role's strategy as made, not as the retired one left it; a holder that a
  /// copy of the record still references is left alone.
  @Test func aReusedStrategyHolderStartsAsTheRolesStrategyAndASharedOneIsNotReused() throws {
    var prototypes = StrategyPrototypes(try choice("lease-shared").makeStrategy, oncePerRole: true)
    var used = StrategyBox(.cli, prototypes: &prototypes)
    let made = Self.dumped(used)
    var context = StrategyContext(now: .start, processID: 1, role: .cli, random: RandomStream(rootSeed: 1, name: "r"))
    var actions: [StrategyAction] = []
    used.handle(.started(cause: .processStart), context: &context, actions: &actions)
    used.handle(.tokenNeeded(ask: 1, forceRefresh: false), context: &context, actions: &actions)
    let left = Self.dumped(used)
    #expect(left != made)
    used.recycle(role: .cli, into: &prototypes)
    #expect(Self.dumped(StrategyBox(.cli, prototypes: &prototypes)) == made)

    var shared = StrategyBox(.cli, prototypes: &prototypes)
    shared.handle(.started(cause: .processStart), context: &context, actions: &actions)
    shared.handle(.tokenNeeded(ask: 1, forceRefresh: false), context: &context, actions: &actions)
    let copy = shared
    shared.recycle(role: .cli, into: &prototypes)
    #expect(Self.dumped(StrategyBox(.cli, prototypes: &prototypes)) == made)
    #expect(Self.dumped(copy) == left)
  }
}

/// Whether `value`'s type is plain data (no reference to count, nothing to free).
private func isPlainData(_ value: Any) -> Bool {
  func probe<Value>(_: Value.Type) -> any PlainDataProbe.Type { Probe<Value>.self }
  return _openExistential(type(of: value), do: probe).isPlainData
}

private protocol PlainDataProbe { static var isPlainData: Bool { get } }
private enum Probe<Value>: PlainDataProbe { static var isPlainData: Bool { _isPOD(Value.self) } }

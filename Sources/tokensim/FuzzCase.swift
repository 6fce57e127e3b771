import Foundation
import TokenSimKit

/// One fuzz case, run in a child process of `tokensim fuzz` (`fuzz --case FILE --strategy NAME`):
/// the scenario under one built-in strategy with a small event budget, invariants checked after
/// every event and once at the end, the process's memory limit watched. A trap or abort kills
/// only this child; what it finishes is one JSON line on stdout (`FuzzCaseOutcome`).
enum FuzzCase {
  /// Runs `file` with `strategy`, at most `eventBudget` events, and prints the outcome.
  static func run(
    file: String, strategy name: String, eventBudget: Int, maxMemory: Int, invariants: InvariantChecking
  ) throws(CommandFailure) {
    let scenario = try CommandFailure.exit2 { () throws(SuiteError) in try ScenarioInputs.load(file: file) }
    let strategy = try choice(named: name)
    print(outcome(scenario, strategy, eventBudget: eventBudget, maxMemory: maxMemory, invariants: invariants).line)
  }

  /// Runs cases `first ..< first + count` of the campaign under `seed` one after the other, as a
  /// campaign's child does (`fuzz --seed S --batch FIRST:COUNT`): case `n` is draw `n / K` of the
  /// scenario space under the `n % K`th of the K built-in strategies, so one child parses each drawn scenario
  /// once and pays one process start for many cases. Each outcome is printed and flushed as its
  /// run ends, numbered, so that when a case traps the fuzzer knows which one it was (the first
  /// without a line) and carries on after it in a new child.
  static func runBatch(
    seed: UInt64, first: Int, count: Int, population: Int, eventBudget: Int, maxMemory: Int,
    invariants: InvariantChecking
  ) throws(CommandFailure) {
    let strategies = StrategyCatalog.all
    var drawn: (index: Int, scenario: Scenario)?
    for number in first..<(first + count) {
      let index = number / strategies.count
      if drawn?.index != index {
        let text = ScenarioSpace.draw(seed: seed, index: index, population: population)
        do {
          drawn = (index, try Scenario.parse(text, file: DrawnScenario.name(seed: seed, index: index) + ".json"))
        } catch {
          throw CommandFailure(status: 2, message: error.description)
        }
      }
      let strategy = try choice(named: strategies[number % strategies.count].name)
      var outcome = outcome(drawn!.scenario, strategy, eventBudget: eventBudget, maxMemory: maxMemory, invariants: invariants)
      outcome.number = number
      // Written straight to the file, not buffered: a trap in the next case must not lose it.
      FileHandle.standardOutput.write(Data((outcome.line + "\n").utf8))
      // Trimming the heap after every case costs more in page faults than the run; it matters
      // only when what an earlier case left could bring the next near its memory limit (a
      // memory-limit stop in a batch is checked again in a fresh child in any case).
      if ResidentMemory.bytes() > maxMemory / 2 { ReleasedMemory.returnToSystem() }
    }
  }

  private static func choice(named name: String) throws(CommandFailure) -> StrategyChoice {
    do { return try StrategyChoice(named: name) } catch { throw CommandFailure(status: 2, message: error.description) }
  }

  /// One run of `scenario` under `strategy`, the trace let go, the memory limit watched.
  private static func outcome(
    _ scenario: Scenario, _ strategy: StrategyChoice, eventBudget: Int, maxMemory: Int, invariants: InvariantChecking
  ) -> FuzzCaseOutcome {
    var scenario = scenario
    scenario.eventBudget = min(scenario.eventBudget, eventBudget)
    let startBytes = ResidentMemory.bytes()
    var samples: [(events: Int, nanoseconds: UInt64)] = [(0, DispatchTime.now().uptimeNanoseconds)]
    // A hundred looks over a full budget, so that a short campaign budget still has its tenths.
    let monitor = RunMonitor(interval: max(10, min(1_000, scenario.eventBudget / 100))) { position in
      samples.append((position.events, DispatchTime.now().uptimeNanoseconds))
      return ResidentMemory.bytes() > maxMemory ? .memoryLimit : nil
    }
    let result = Simulation(scenario: scenario, strategy: strategy).run(
      trace: .discard, monitor: monitor, invariants: invariants)
    samples.append((result.eventsProcessed, DispatchTime.now().uptimeNanoseconds))
    return FuzzCaseOutcome(
      stopReason: result.stopReason.rawValue, events: result.eventsProcessed,
      wallSeconds: Double(samples.last!.nanoseconds - samples[0].nanoseconds) / 1e9,
      pace: RunPace(samples: samples, minimumEvents: min(20_000, scenario.eventBudget)),
      residentBytes: ResidentMemory.bytes(), startResidentBytes: startBytes)
  }
}

/// What a fuzz case's child reports on its last line of stdout.
struct FuzzCaseOutcome: Codable, Equatable {
  /// The case's number in its campaign, when a batch child ran it.
  var number: Int?
  /// `end-of-time`, `event-budget`, `memory-limit`…
  var stopReason: String
  var events: Int
  var wallSeconds: Double
  /// Events per second over the first and last tenth, when the run was long enough to judge.
  var pace: RunPace?
  var residentBytes: Int
  /// What the process held when the run began (a batch child may hold what an earlier case left).
  var startResidentBytes: Int?

  /// The outcome as one line of JSON.
  var line: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
  }

  /// The outcome printed on the last line of `stdout`, if there is one.
  init?(stdout: String) {
    guard let line = stdout.split(separator: "\n").last, let outcome = Self(line: line) else { return nil }
    self = outcome
  }

  /// The outcome a line of JSON holds, if it holds one.
  init?(line: Substring) {
    guard let outcome = try? JSONDecoder().decode(FuzzCaseOutcome.self, from: Data(line.utf8)) else { return nil }
    self = outcome
  }

  init(
    stopReason: String, events: Int, wallSeconds: Double, pace: RunPace?, residentBytes: Int, startResidentBytes: Int?
  ) {
    self.stopReason = stopReason
    self.events = events
    self.wallSeconds = wallSeconds
    self.pace = pace
    self.residentBytes = residentBytes
    self.startResidentBytes = startResidentBytes
  }
}

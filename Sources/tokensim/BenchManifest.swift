import Foundation
import TokenSimKit

/// `Scenarios/bench/bench.json`: the benchmark workloads, each the event loop alone (`engine`) or
/// a scenario file (relative to the manifest) run with some strategies, optionally cut to a
/// shorter `duration`.
struct BenchManifest {
  /// One workload.
  struct Workload {
    enum Kind {
      case engine(EngineBenchmark)
      case scenario(Scenario, strategies: [StrategyChoice])
    }

    let name: String
    let description: String
    let kind: Kind
    /// How many times each case is measured (the manifest's `repeat`, default 1); the table shows
    /// the run with the median last/first tenth ratio, and lists every run's ratio.
    var repeats = 1

    /// The measurements it makes: one, or one per strategy.
    var cases: [String] {
      switch kind {
      case .engine: return [name]
      case .scenario(_, let strategies): return strategies.map { "\(name):\($0.name)" }
      }
    }
  }

  let path: String
  let workloads: [Workload]

  static func load(_ path: String) throws(CommandFailure) -> BenchManifest {
    do throws(ScenarioError) {
      let object = try JSONDocument.load(path: path, what: "a benchmark manifest").object(keys: ["description", "workloads"])
      let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
      let readers = try object.required("workloads", expected: "an array of workloads").array(maximumCount: 100)
      var workloads: [Workload] = []
      for reader in readers {
        let workload = try workload(reader, base: base)
        guard !workloads.contains(where: { $0.name == workload.name }) else {
          throw reader.error(expected: "a workload name not used before (\"\(workload.name)\" is)")
        }
        workloads.append(workload)
      }
      return BenchManifest(path: path, workloads: workloads)
    } catch {
      throw CommandFailure(status: 2, message: error.description)
    }
  }

  private static func workload(_ reader: JSONReader, base: String) throws(ScenarioError) -> Workload {
    let object = try reader.object(keys: ["name", "description", "engine", "scenario", "duration", "strategies", "repeat"])
    let name = try object.required("name", expected: "the workload's name").name()
    let description = try object.optional("description")?.string() ?? ""
    let repeats = try object.optional("repeat")?.integer(in: 1...25) ?? 1
    if let engine = object.optional("engine") {
      for key in ["scenario", "duration", "strategies"] where object.has(key) {
        throw object.optional(key)!.error(expected: "no \"\(key)\" beside \"engine\"")
      }
      return Workload(name: name, description: description, kind: .engine(try self.engine(engine)), repeats: repeats)
    }
    let file = try object.required("scenario", expected: "\"engine\" or a \"scenario\" file").string()
    var scenario = try Scenario.load(path: file.hasPrefix("/") ? file : "\(base)/\(file)")
    if let duration = object.optional("duration") {
      scenario.duration = try duration.duration(in: .seconds(1)...scenario.duration)
    }
    let names = try object.required("strategies", expected: "the strategies to run it with").array(maximumCount: 20)
    var strategies: [StrategyChoice] = []
    for name in names { strategies.append(try StrategyChoice(named: try name.string(), source: name.file + " " + name.path)) }
    return Workload(
      name: name, description: description, kind: .scenario(scenario, strategies: strategies), repeats: repeats)
  }

  private static func engine(_ reader: JSONReader) throws(ScenarioError) -> EngineBenchmark {
    let object = try reader.object(keys: ["timers", "period", "events"])
    return EngineBenchmark(
      timers: try object.required("timers", expected: "how many timers").integer(in: 1...10_000_000),
      period: try object.required("period", expected: "how often each fires").duration(
        in: SimDuration(microseconds: 1)...SimDuration.days(1)),
      events: try object.required("events", expected: "how many events to process").integer(in: 1...10_000_000_000))
  }
}

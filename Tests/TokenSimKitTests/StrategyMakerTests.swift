import Testing

@testable import TokenSimKit

/// A strategy maker given to `World` or `Simulation` is asked for every process made, as the
/// public initializers promise: a strategy may be a class, or differ from one process to the
/// next. Only `StrategyChoice`'s maker, which hands out copies of one value per role, is asked
/// once per role.
@Suite struct StrategyMakerTests {
  let json = """
    {"name": "m", "description": "makers", "duration": "1h", "server": {"accessTokenTTL": "1h"},
     "hosts": [{"name": "web", "processes": [
       {"name": "agent", "role": "daemon", "count": 2, "cycle": {"every": "10m"}},
       {"name": "cli", "role": "cli", "arrivals": {"every": "10m"}}]}]}
    """

  @Test func aClosureGivenToTheWorldIsAskedForEveryProcess() throws {
    var asked: [ProcessRole] = []
    let world = World(scenario: try scenario(json), seed: 1, retention: .discard) { role in
      asked.append(role)
      return NaiveStrategy()
    }
    world.run()
    #expect(world.processes.count > 3, "two daemons and several CLI invocations")
    #expect(asked.count == world.processes.count)
    #expect(asked.filter { $0 == .daemon }.count == 2)
  }

  @Test func aClosureGivenToASimulationIsAskedForEveryProcess() throws {
    var asked = 0
    let simulation = Simulation(scenario: try scenario(json), strategyName: "counted") { _ in
      asked += 1
      return NaiveStrategy()
    }
    let result = simulation.run(trace: .keep)
    let started = result.trace.count { if case .processStarted = $0.kind { true } else { false } }
    #expect(started > 3)
    #expect(asked == started, "no process restarted, so one strategy a process")
  }
}

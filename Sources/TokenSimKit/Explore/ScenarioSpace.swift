/// Every scenario `tokensim fuzz` draws, defined in one place (docs/FUZZ.md describes it): the
/// whole documented schema of Scenarios/README.md, each field at its minimum, maximum, zero or a
/// value spread over its orders of magnitude (`FieldDraw`), with one to four host entries of up
/// to 10,000 copies, zero to four processes each, faults, capacity, rate limits, security events
/// and suspensions. Every draw is a valid scenario (`Scenario.parse` accepts it); the draw is a
/// pure function of (seed, index), so a case is replayed from those two numbers alone.
public enum ScenarioSpace {
  /// The scenario text of draw `index` under `seed`, with about `population` processes at once at
  /// most (`largestPopulation` when not given; a host entry keeps one copy of each of its
  /// processes when the cap is used up). A smaller population draws the same values and cuts
  /// only copies, counts and bursts, so that a long campaign can afford many scenarios.
  public static func draw(seed: UInt64, index: Int, population: Int = largestPopulation) -> String {
    var draw = FieldDraw(random: RandomStream(rootSeed: seed, name: "fuzz/\(index)"))
    let target = max(1, min(population, largestPopulation))
    return scenario(&draw, name: "fuzz-\(seed)-\(index)", target: target).text() + "\n"
  }

  private static let longest = SimDuration.days(3_650)
  private static let month = SimDuration.days(30)

  static func scenario(_ draw: inout FieldDraw, name: String, target: Int) -> DraftJSON {
    let runLength = draw.duration(.seconds(1), longest)
    var hosts: [DraftJSON] = []
    var names: [String] = []
    var budget = Budget()
    for entry in 0..<draw.int(1...4) {
      let (host, hostNames) = Self.host(
        &draw, name: "h\(entry)", runLength: runLength, budget: &budget, target: target)
      hosts.append(host)
      names += hostNames
    }
    var members: [(String, DraftJSON)] = [
      ("name", .string(name)), ("description", .string("a scenario drawn by tokensim fuzz")),
      ("duration", .duration(runLength)),
    ]
    if draw.chance(0.5) { members.append(("seed", .int(draw.int(0...Int(Int32.max))))) }
    if draw.chance(0.3) { members.append(("eventBudget", .int(draw.int(1_000...2_000_000_000)))) }
    if draw.chance(0.9) { members.append(("server", ServerSpace.server(&draw, hosts: names, runLength: runLength))) }
    members.append(("hosts", .array(hosts)))
    return .object(members)
  }

  /// The most processes at once the space draws: half of what validation allows, so that the
  /// rounding of one host entry never tips a draw over.
  public static let largestPopulation = ScenarioPopulation.limit / 2

  /// What the hosts drawn so far take of the scenario's limits (hosts with copies, processes at once).
  struct Budget {
    var hosts = 0
    var processes = 0
  }

  private static func host(
    _ draw: inout FieldDraw, name: String, runLength: Int64, budget: inout Budget, target: Int
  ) -> (DraftJSON, [String]) {
    var processes: [DraftJSON] = []
    var population = 1  // a broker any host may be given
    var broker = false
    for index in 0..<draw.int(0...4) {
      let role = broker ? draw.pick(["daemon", "cli"]) : draw.pick(["daemon", "cli", "broker"])
      broker = broker || role == "broker"
      let room = max(1, (target - budget.processes) / 4 - population)
      let (process, size) = ProcessSpace.process(&draw, name: "p\(index)", role: role, room: room, runLength: runLength)
      processes.append(process)
      population += size
    }
    let hostRoom = min(ScenarioPopulation.maximumHosts - budget.hosts, (target - budget.processes) / population)
    let copies = max(1, min(draw.int(1...10_000), hostRoom))
    budget.hosts += copies
    budget.processes += copies * population
    var members: [(String, DraftJSON)] = [("name", .string(name))]
    if draw.chance(0.3) { members.append(("clockOffset", .duration(draw.duration(.days(-365), .days(365))))) }
    if draw.chance(0.3) { members.append(("driftPPM", .double(draw.number(-100_000...100_000)))) }
    if draw.chance(0.2) { members.append(("suspend", suspensions(&draw, runLength: runLength))) }
    if draw.chance(0.3) { members.append(("store", store(&draw))) }
    if draw.chance(0.3) { members.append(("lock", lock(&draw))) }
    if draw.chance(0.2) { members.append(("login", .bool(draw.chance(0.5)))) }
    if copies > 1 { members.append(("copies", .int(copies))) }
    members.append(("processes", .array(processes)))
    return (.object(members), hostNames(name, copies: copies))
  }

  /// The names `copies` copies of host `name` are given (`h0-01` … `h0-12`).
  private static func hostNames(_ name: String, copies: Int) -> [String] {
    guard copies > 1 else { return [name] }
    let width = String(copies).count
    return [1, copies].map { index in
      let number = String(index)
      return "\(name)-" + String(repeating: "0", count: width - number.count) + number
    }
  }

  private static func suspensions(_ draw: inout FieldDraw, runLength: Int64) -> DraftJSON {
    var windows: [DraftJSON] = []
    var start = draw.duration(.zero, .days(10))
    for _ in 0..<draw.int(1...3) {
      let end = start + 1 + draw.duration(.zero, .days(10))
      windows.append(.object([("from", .duration(start)), ("to", .duration(end))]))
      start = end + draw.duration(.zero, .days(1))
    }
    _ = runLength
    return .array(windows)
  }

  private static func store(_ draw: inout FieldDraw) -> DraftJSON {
    .object([
      ("write", .string(draw.pick(["atomic-rename", "in-place"]))),
      ("readTime", .duration(draw.duration(.zero, .minutes(1)))),
      ("writeTime", .duration(draw.duration(.zero, .minutes(1)))),
    ])
  }

  private static func lock(_ draw: inout FieldDraw) -> DraftJSON {
    guard draw.chance(0.5) else { return .object([("kind", .string("flock"))]) }
    return .object([
      ("kind", .string("lock-file")), ("staleAfter", .duration(draw.duration(.milliseconds(1), .days(1)))),
    ])
  }

  /// A window of true time (`from` before `to`), or half of one.
  static func window(_ draw: inout FieldDraw, runLength: Int64) -> [(String, DraftJSON)] {
    let last = longest.microseconds - 1
    let from = min(
      draw.chance(0.5) ? draw.duration(.zero, SimDuration(microseconds: runLength)) : draw.duration(.zero, longest), last)
    switch draw.int(0...2) {
    case 0: return [("from", .duration(from))]
    case 1: return [("to", .duration(max(1, from)))]
    default:
      let to = from + 1 + draw.integer(0...(last - from))
      return [("from", .duration(from)), ("to", .duration(to))]
    }
  }
}

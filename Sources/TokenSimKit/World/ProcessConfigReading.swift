extension ProcessConfig {
  /// Reads one process object.
  public init(reading reader: JSONReader) throws(ScenarioError) {
    let object = try reader.object(keys: ProcessConfig.keys)
    name = try object.required("name", expected: "the process's name").name()
    role = try object.required("role", expected: "\"daemon\", \"cli\" or \"broker\"").choice(
      ProcessRole.allCases.map { ($0.rawValue, $0) })
    count = try object.optional("count")?.integer(in: 1...100_000) ?? 1
    startAt = try object.optional("startAt").map { reader throws(ScenarioError) in try reader.instant() } ?? .start
    stopAt = try object.optional("stopAt")?.instant()
    try readWork(object)
    try readFaults(object)
    try checkRoleFits(object)
  }

  private mutating func readWork(_ object: ObjectReader) throws(ScenarioError) {
    cycle = try object.optional("cycle").map(ProcessConfig.readCycle)
    workItems = try object.optional("workItems").map(ProcessConfig.readWorkItems)
    arrivals = try object.optional("arrivals").map(ProcessConfig.readArrivals)
    apiCalls = try object.optional("apiCalls")?.integer(in: 0...10_000) ?? 1
    restartDelay = try object.optional("restartDelay")?.duration(in: .zero...SimDuration.days(1)) ?? .seconds(1)
    refreshAtStart = try object.optional("refreshAtStart")?.bool() ?? false
    credentialSource =
      try object.optional("credentials")?.choice(CredentialSource.allCases.map { ($0.rawValue, $0) }) ?? .store
    apiTimeout = try object.optional("apiTimeout")?.duration(in: .milliseconds(1)...SimDuration.hours(1)) ?? .seconds(30)
  }

  private mutating func readFaults(_ object: ObjectReader) throws(ScenarioError) {
    crash = try object.optional("crash").map(ProcessConfig.readCrash)
    restartAfter = try object.optional("restartAfter")?.duration(in: .zero...SimDuration.days(30))
    if let failure = object.optional("schedulerFailure") {
      let fields = try failure.object(keys: ["probability", "count"])
      schedulerFailure = SchedulerFailure(
        probability: try fields.optional("probability")?.number(in: 0...1) ?? 1,
        count: try fields.optional("count")?.integer(in: 1...1_000_000) ?? 1)
    }
  }

  private func checkRoleFits(_ object: ObjectReader) throws(ScenarioError) {
    switch role {
    case .cli:
      guard arrivals != nil else { throw object.reader.error(expected: "\"arrivals\" for a cli process") }
      for key in ["cycle", "workItems", "count"] where object.has(key) {
        throw object.optional(key)!.error(expected: "no \"\(key)\" on a cli process (it is for daemons)")
      }
    case .daemon, .broker:
      if let arrivals = object.optional("arrivals") {
        throw arrivals.error(expected: "no \"arrivals\" on a \(role.rawValue) (use \"count\"; arrivals are for cli)")
      }
    }
    if let stop = stopAt, stop <= startAt { throw object.optional("stopAt")!.error(expected: "a stopAt later than startAt") }
  }

  private static func readCycle(_ reader: JSONReader) throws(ScenarioError) -> WorkCycle {
    let object = try reader.object(keys: ["every", "apiCalls"])
    return WorkCycle(
      every: try object.required("every", expected: "the cycle period").duration(in: .milliseconds(1)...SimDuration.days(30)),
      apiCalls: try object.optional("apiCalls")?.integer(in: 0...10_000) ?? 1)
  }

  private static func readWorkItems(_ reader: JSONReader) throws(ScenarioError) -> WorkItemFlow {
    let object = try reader.object(keys: ["every", "perHour", "maxAttempts", "retryDelay", "queue"])
    let every = try object.optional("every")?.duration(in: .milliseconds(1)...SimDuration.days(30))
    let perHour = try object.optional("perHour")?.number(in: 0.001...10_000_000)
    guard (every == nil) != (perHour == nil) else {
      throw reader.error(expected: "exactly one of \"every\" (fixed spacing) or \"perHour\" (Poisson)")
    }
    var flow = WorkItemFlow(
      every: every, perHour: perHour ?? 0,
      maxAttempts: try object.optional("maxAttempts")?.integer(in: 1...100) ?? 1,
      retryDelay: try object.optional("retryDelay")?.duration(in: .zero...SimDuration.days(1)) ?? .seconds(1))
    flow.queue = try object.optional("queue")?.integer(in: 1...1_000_000) ?? WorkItemFlow.defaultQueue
    return flow
  }

  private static func readArrivals(_ reader: JSONReader) throws(ScenarioError) -> Arrivals {
    let object = try reader.object(keys: ["every", "perHour", "cron", "burst"])
    let range = SimDuration.milliseconds(1)...SimDuration.days(30)
    if let cron = object.optional("cron") {
      return .cron(every: try cron.duration(in: range), burst: try object.optional("burst")?.integer(in: 1...100_000) ?? 1)
    }
    if let burst = object.optional("burst") { throw burst.error(expected: "\"burst\" only together with \"cron\"") }
    if let every = object.optional("every"), !object.has("perHour") { return .every(try every.duration(in: range)) }
    if let perHour = object.optional("perHour"), !object.has("every") {
      return .poisson(perHour: try perHour.number(in: 0.001...100_000_000))
    }
    throw reader.error(expected: "exactly one of \"every\", \"perHour\" or \"cron\"")
  }

  private static func readCrash(_ reader: JSONReader) throws(ScenarioError) -> CrashPlan {
    let object = try reader.object(keys: ["at", "perHour", "during"])
    let at = try object.optional("at")?.instant()
    let perHour = try object.optional("perHour")?.number(in: 0.000_001...10_000)
    guard (at == nil) != (perHour == nil) else { throw reader.error(expected: "exactly one of \"at\" or \"perHour\"") }
    let during = try object.optional("during")?.choice(CrashMoment.allCases.map { ($0.rawValue, $0) }) ?? .any
    return CrashPlan(at: at, perHour: perHour, during: during)
  }
}

extension JSONReader {
  /// An instant written as a duration from the start of the run.
  func instant() throws(ScenarioError) -> SimInstant {
    SimInstant(microseconds: try duration().microseconds)
  }
}

/// The processes of `ScenarioSpace`: daemons with cycles and work items, CLI arrivals, brokers,
/// crashes, restarts and scheduler failures, each field at its extremes or between.
enum ProcessSpace {
  private static let longest = SimDuration.days(3_650)
  private static let month = SimDuration.days(30)

  /// A process of `role` and how many of it may run at once (its `count`, or a cron burst),
  /// which stays within `room`.
  static func process(
    _ draw: inout FieldDraw, name: String, role: String, room: Int, runLength: Int64
  ) -> (DraftJSON, Int) {
    var members: [(String, DraftJSON)] = [("name", .string(name)), ("role", .string(role))]
    var size = 1
    if role == "daemon", draw.chance(0.4) {
      size = min(draw.int(1...100_000), room)
      members.append(("count", .int(size)))
    }
    let last = longest.microseconds - 1
    let startAt = draw.chance(0.3) ? min(draw.duration(.zero, SimDuration(microseconds: runLength)), last) : 0
    if startAt > 0 || draw.chance(0.1) { members.append(("startAt", .duration(startAt))) }
    if draw.chance(0.2) { members.append(("stopAt", .duration(startAt + 1 + draw.integer(0...(last - startAt))))) }
    if role == "cli" {
      let (arrivals, burst) = self.arrivals(&draw, room: room)
      members.append(("arrivals", arrivals))
      size = burst
      if draw.chance(0.5) { members.append(("apiCalls", .int(draw.int(0...10_000)))) }
    } else {
      if draw.chance(role == "daemon" ? 0.7 : 0.1) { members.append(("cycle", cycle(&draw))) }
      if draw.chance(role == "daemon" ? 0.5 : 0.1) { members.append(("workItems", workItems(&draw))) }
      if draw.chance(0.2) { members.append(("restartDelay", .duration(draw.duration(.zero, .days(1))))) }
    }
    members += faults(&draw)
    return (.object(members), size)
  }

  private static func cycle(_ draw: inout FieldDraw) -> DraftJSON {
    var fields: [(String, DraftJSON)] = [("every", .duration(draw.duration(.milliseconds(1), month)))]
    if draw.chance(0.6) { fields.append(("apiCalls", .int(draw.int(0...10_000)))) }
    return .object(fields)
  }

  private static func workItems(_ draw: inout FieldDraw) -> DraftJSON {
    var fields: [(String, DraftJSON)] =
      draw.chance(0.5)
      ? [("every", .duration(draw.duration(.milliseconds(1), month)))]
      : [("perHour", .double(draw.number(0.001...10_000_000)))]
    if draw.chance(0.6) { fields.append(("maxAttempts", .int(draw.int(1...100)))) }
    if draw.chance(0.5) { fields.append(("retryDelay", .duration(draw.duration(.zero, .days(1))))) }
    if draw.chance(0.3) { fields.append(("queue", .int(draw.int(1...1_000_000)))) }
    return .object(fields)
  }

  private static func arrivals(_ draw: inout FieldDraw, room: Int) -> (DraftJSON, Int) {
    switch draw.int(0...2) {
    case 0: return (.object([("every", .duration(draw.duration(.milliseconds(1), month)))]), 1)
    case 1: return (.object([("perHour", .double(draw.number(0.001...100_000_000)))]), 1)
    default:
      let burst = min(draw.int(1...100_000), room)
      return (.object([("cron", .duration(draw.duration(.milliseconds(1), month))), ("burst", .int(burst))]), burst)
    }
  }

  private static func faults(_ draw: inout FieldDraw) -> [(String, DraftJSON)] {
    var members: [(String, DraftJSON)] = []
    if draw.chance(0.2) { members.append(("refreshAtStart", .bool(draw.chance(0.5)))) }
    if draw.chance(0.15) { members.append(("credentials", .string(draw.pick(["store", "environment"])))) }
    if draw.chance(0.2) { members.append(("crash", crash(&draw))) }
    if draw.chance(0.2) { members.append(("restartAfter", .duration(draw.duration(.zero, month)))) }
    if draw.chance(0.1) {
      members.append(
        (
          "schedulerFailure",
          .object([("probability", .double(draw.number(0...1))), ("count", .int(draw.int(1...1_000_000)))])
        ))
    }
    if draw.chance(0.2) { members.append(("apiTimeout", .duration(draw.duration(.milliseconds(1), .hours(1))))) }
    return members
  }

  private static func crash(_ draw: inout FieldDraw) -> DraftJSON {
    let when: (String, DraftJSON) =
      draw.chance(0.5)
      ? ("at", .duration(draw.duration(.zero, longest))) : ("perHour", .double(draw.number(0.000_001...10_000)))
    var fields = [when]
    if draw.chance(0.6) { fields.append(("during", .string(draw.pick(CrashMoment.allCases.map(\.rawValue))))) }
    return .object(fields)
  }
}

/// The `server` part of `ScenarioSpace`: lifetimes, rotation, error format, latencies, capacity,
/// rate limit, security events and faults, each present or absent, at its extremes or between.
enum ServerSpace {
  private static let longest = SimDuration.days(3_650)

  static func server(_ draw: inout FieldDraw, hosts: [String], runLength: Int64) -> DraftJSON {
    var members: [(String, DraftJSON)] = []
    func maybe(_ key: String, _ chance: Double, _ value: (inout FieldDraw) -> DraftJSON) {
      if draw.chance(chance) { members.append((key, value(&draw))) }
    }
    maybe("accessTokenTTL", 0.6) { .duration($0.duration(.seconds(1), longest)) }
    maybe("refreshTokenTTL", 0.4) { $0.chance(0.2) ? .string("none") : .duration($0.duration(.seconds(1), longest)) }
    maybe("refreshTokenIdleTTL", 0.2) { .duration($0.duration(.seconds(1), longest)) }
    maybe("rotatedKeepsOriginalExpiry", 0.2) { .bool($0.chance(0.5)) }
    maybe("rotation", 0.4) { .string($0.pick(RotationMode.allCases.map(\.rawValue))) }
    maybe("onReuse", 0.3) { .string($0.pick(ReuseResponse.allCases.map(\.rawValue))) }
    maybe("reuseLeeway", 0.3) { .duration($0.duration(.zero, .hours(1))) }
    maybe("leewayReply", 0.2) { .string($0.pick(LeewayReply.allCases.map(\.rawValue))) }
    maybe("rotationRevokesAccessTokens", 0.2) { .bool($0.chance(0.5)) }
    maybe("maxLiveRefreshTokens", 0.2) { .int($0.int(1...100_000)) }
    maybe("errorFormat", 0.2, errorFormat)
    maybe("tokenLatency", 0.4, latency)
    maybe("apiLatency", 0.3, latency)
    maybe("capacity", 0.2, capacity)
    maybe("rateLimit", 0.2, rateLimit)
    maybe("securityEvents", 0.2) { securityEvents(&$0, hosts: hosts) }
    maybe("faults", 0.5) { draw in .array((0..<draw.int(1...4)).map { _ in fault(&draw, runLength: runLength) }) }
    return .object(members)
  }

  static func latency(_ draw: inout FieldDraw) -> DraftJSON {
    switch draw.int(0...3) {
    case 0: return .duration(draw.duration(.zero, longest))
    case 1: return .object([("fixed", .duration(draw.duration(.zero, longest)))])
    case 2:
      let lower = draw.duration(.zero, longest)
      let upper = draw.integer(lower...longest.microseconds)
      return .object([("uniform", .array([.duration(lower), .duration(upper)]))])
    default:
      let median = draw.duration(.zero, longest)
      var fields: [(String, DraftJSON)] = [("median", .duration(median))]
      if draw.chance(0.7) { fields.append(("sigma", .double(draw.number(0...5)))) }
      fields.append(("max", .duration(draw.integer(median...longest.microseconds))))
      return .object([("lognormal", .object(fields))])
    }
  }

  private static func errorFormat(_ draw: inout FieldDraw) -> DraftJSON {
    if draw.chance(0.3) { return .object([("style", .string("github"))]) }
    var fields: [(String, DraftJSON)] = [("style", .string("rfc6749"))]
    if draw.chance(0.7) { fields.append(("status", .int(draw.pick([400, 401, 403])))) }
    return .object(fields)
  }

  private static func capacity(_ draw: inout FieldDraw) -> DraftJSON {
    var fields: [(String, DraftJSON)] = [("concurrent", .int(draw.int(1...100_000)))]
    if draw.chance(0.7) { fields.append(("queue", .int(draw.int(0...1_000_000)))) }
    if draw.chance(0.7) { fields.append(("serviceTime", latency(&draw))) }
    return .object(fields)
  }

  private static func rateLimit(_ draw: inout FieldDraw) -> DraftJSON {
    var fields: [(String, DraftJSON)] = [("perSecond", .double(draw.number(0.001...1_000_000)))]
    if draw.chance(0.6) { fields.append(("burst", .int(draw.int(1...1_000_000)))) }
    fields += retryAfter(&draw)
    return .object(fields)
  }

  private static func retryAfter(_ draw: inout FieldDraw) -> [(String, DraftJSON)] {
    guard draw.chance(0.5) else { return [] }
    var fields: [(String, DraftJSON)] = [("retryAfter", .duration(draw.duration(.zero, .days(1))))]
    if draw.chance(0.5) { fields.append(("retryAfterFormat", .string(draw.pick(["delay-seconds", "http-date"])))) }
    return fields
  }

  private static func securityEvents(_ draw: inout FieldDraw, hosts: [String]) -> DraftJSON {
    .array(
      (0..<draw.int(1...3)).map { _ in
        let at = DraftJSON.duration(draw.duration(.zero, longest))
        guard draw.chance(0.5) else { return .object([("at", at), ("action", .string("revoke-all"))]) }
        return .object([("at", at), ("action", .string("revoke-family")), ("host", .string(draw.pick(hosts)))])
      })
  }

  private static func fault(_ draw: inout FieldDraw, runLength: Int64) -> DraftJSON {
    var fields: [(String, DraftJSON)] = [("target", .string(draw.pick(["token", "api", "both"])))]
    switch draw.int(0...2) {
    case 0:
      fields.append(("status", .int(draw.pick(FaultRule.injectableStatuses))))
      fields += retryAfter(&draw)
    case 1: fields.append(("latency", latency(&draw)))
    default: fields.append(("effect", .string(draw.pick(["hang", "reset", "empty", "malformed", "lost-after-commit"]))))
    }
    if draw.chance(0.6) { fields += ScenarioSpace.window(&draw, runLength: runLength) }
    if draw.chance(0.4) { fields.append(("probability", .double(draw.number(0...1)))) }
    if draw.chance(0.3) { fields.append(("nextRequests", .int(draw.int(1...1_000_000)))) }
    return .object(fields)
  }
}

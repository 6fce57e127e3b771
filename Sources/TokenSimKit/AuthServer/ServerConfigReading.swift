extension ServerConfig {
  /// Reads the `server` object of a scenario.
  public init(reading reader: JSONReader) throws(ScenarioError) {
    self.init()
    let object = try reader.object(keys: ServerConfig.keys)
    try readLifetimes(object)
    try readRotation(object)
    if let format = object.optional("errorFormat") { errorFormat = try ServerConfig.readErrorFormat(format) }
    if let latency = object.optional("tokenLatency") { tokenLatency = try LatencyDistribution(reading: latency) }
    if let latency = object.optional("apiLatency") { apiLatency = try LatencyDistribution(reading: latency) }
    capacity = try object.optional("capacity").map(ServerConfig.readCapacity)
    rateLimit = try object.optional("rateLimit").map(ServerConfig.readRateLimit)
    securityEvents = try object.optional("securityEvents")?.array().map(ServerConfig.readSecurityEvent) ?? []
    faults = try object.optional("faults")?.array(maximumCount: 1_000).map(FaultRule.init(reading:)) ?? []
  }

  private mutating func readLifetimes(_ object: ObjectReader) throws(ScenarioError) {
    let positive = SimDuration.seconds(1)...SimDuration.days(3_650)
    if let ttl = object.optional("accessTokenTTL") { accessTokenTTL = try ttl.duration(in: positive) }
    if let ttl = object.optional("refreshTokenTTL") {
      refreshAbsoluteTTL = try ttl.choiceOrDuration(word: "none", in: positive)
    }
    if let ttl = object.optional("refreshTokenIdleTTL") { refreshIdleTTL = try ttl.duration(in: positive) }
    if let keeps = object.optional("rotatedKeepsOriginalExpiry") { rotatedKeepsOriginalExpiry = try keeps.bool() }
  }

  private mutating func readRotation(_ object: ObjectReader) throws(ScenarioError) {
    if let mode = object.optional("rotation") { rotation = try mode.choice(RotationMode.allCases.map { ($0.rawValue, $0) }) }
    if let reuse = object.optional("onReuse") { onReuse = try reuse.choice(ReuseResponse.allCases.map { ($0.rawValue, $0) }) }
    if let leeway = object.optional("reuseLeeway") { reuseLeeway = try leeway.duration(in: .zero...SimDuration.hours(1)) }
    if let reply = object.optional("leewayReply") {
      leewayReply = try reply.choice(LeewayReply.allCases.map { ($0.rawValue, $0) })
    }
    if let revokes = object.optional("rotationRevokesAccessTokens") { rotationRevokesAccessTokens = try revokes.bool() }
    if let cap = object.optional("maxLiveRefreshTokens") { maxLiveRefreshTokens = try cap.integer(in: 1...100_000) }
  }

  private static func readErrorFormat(_ reader: JSONReader) throws(ScenarioError) -> ErrorFormat {
    let object = try reader.object(keys: ["style", "status"])
    let style = try object.required("style", expected: "\"rfc6749\" or \"github\"").choice([
      ("rfc6749", "rfc6749"), ("github", "github"),
    ])
    if style == "github" {
      if let status = object.optional("status") {
        throw status.error(expected: "no status with the github style (it is always 200)")
      }
      return .github
    }
    guard let status = object.optional("status") else { return .rfc6749(status: 400) }
    let code = try status.integer(in: 400...403)
    guard code != 402 else { throw status.error(expected: "400, 401 or 403") }
    return .rfc6749(status: code)
  }

  private static func readCapacity(_ reader: JSONReader) throws(ScenarioError) -> CapacityConfig {
    let object = try reader.object(keys: ["concurrent", "queue", "serviceTime"])
    return CapacityConfig(
      concurrent: try object.required("concurrent", expected: "a whole number of slots").integer(in: 1...100_000),
      queue: try object.optional("queue")?.integer(in: 0...1_000_000) ?? 1_000,
      serviceTime: try object.optional("serviceTime").map(LatencyDistribution.init(reading:)) ?? .fixed(.milliseconds(100)))
  }

  private static func readRateLimit(_ reader: JSONReader) throws(ScenarioError) -> RateLimitConfig {
    let object = try reader.object(keys: ["perSecond", "burst", "retryAfter", "retryAfterFormat"])
    let rate = try object.required("perSecond", expected: "requests per second").number(in: 0.001...1_000_000)
    let burst = try object.optional("burst")?.integer(in: 1...1_000_000) ?? max(1, Int(rate.rounded(.up)))
    return RateLimitConfig(perSecond: rate, burst: burst, retryAfter: try RetryAfterSpec.read(from: object))
  }

  private static func readSecurityEvent(_ reader: JSONReader) throws(ScenarioError) -> SecurityEvent {
    let object = try reader.object(keys: ["at", "action", "host"])
    let at = try object.required("at", expected: "a duration from the start").duration()
    let action = try object.required("action", expected: "\"revoke-all\" or \"revoke-family\"").choice([
      ("revoke-all", "all"), ("revoke-family", "family"),
    ])
    let host = try object.optional("host")?.name()
    if action == "family" && host == nil {
      throw object.reader.error(expected: "a \"host\" naming whose session \"revoke-family\" revokes")
    }
    if action == "all", let hostReader = object.optional("host") {
      throw hostReader.error(expected: "no \"host\" with \"revoke-all\"")
    }
    return SecurityEvent(at: SimInstant(microseconds: at.microseconds), host: host)
  }
}

extension JSONReader {
  /// A duration, or nil when the value is the given word (such as `"none"`).
  func choiceOrDuration(word: String, in range: ClosedRange<SimDuration>) throws(ScenarioError) -> SimDuration? {
    if case .string(let text) = node.value, text == word { return nil }
    do { return try duration(in: range) } catch { throw self.error(expected: error.expected + " or \"\(word)\"") }
  }
}

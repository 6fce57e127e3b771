/// One injected fault: what it does, to which endpoint, and when it fires.
public struct FaultRule: Equatable, Sendable {
  /// The endpoint the fault applies to.
  public var target: FaultTarget
  /// What happens to a request it hits.
  public var effect: FaultEffect
  /// The window in which it may fire, in true time; nil means the whole run.
  public var window: Range<SimInstant>?
  /// The chance that one request in the window is hit.
  public var probability: Double
  /// When set, only this many requests are hit, the first ones in the window.
  public var nextRequests: Int?

  /// Creates a rule; by default it hits every request, for the whole run.
  public init(
    target: FaultTarget, effect: FaultEffect, window: Range<SimInstant>? = nil, probability: Double = 1,
    nextRequests: Int? = nil
  ) {
    self.target = target
    self.effect = effect
    self.window = window
    self.probability = probability
    self.nextRequests = nextRequests
  }

  /// The `Retry-After` its replies carry, if any.
  public var retryAfter: RetryAfterSpec? {
    guard case .status(_, let retryAfter) = effect else { return nil }
    return retryAfter
  }

  /// The statuses a status fault may answer with.
  public static let injectableStatuses = [429, 500, 502, 503, 504]

  /// The keys a fault object may hold.
  static let keys = [
    "target", "status", "effect", "latency", "retryAfter", "retryAfterFormat", "from", "to", "probability",
    "nextRequests",
  ]
}

/// Which endpoint a fault hits.
public enum FaultTarget: String, Equatable, Sendable, CaseIterable {
  /// The token endpoint.
  case token
  /// The protected resource API.
  case api
  /// Both.
  case both

  /// Whether it hits `endpoint` (the cases compared, not their raw strings: every request asks).
  func covers(_ endpoint: Endpoint) -> Bool {
    switch self {
    case .both: return true
    case .token: return endpoint == .token
    case .api: return endpoint == .api
    }
  }
}

/// The two endpoints of the mock server.
public enum Endpoint: String, Equatable, Codable, Sendable {
  /// The token endpoint (refresh_token grant).
  case token
  /// The protected resource API.
  case api
}

/// What a fault does to a request.
public enum FaultEffect: Equatable, Sendable {
  /// Answer with this status and no useful body, optionally with `Retry-After`.
  case status(Int, retryAfter: RetryAfterSpec?)
  /// Delay the response by a draw from the distribution (added to any other latency).
  case latency(LatencyDistribution)
  /// Never answer; the client waits until its own timeout, or forever without one.
  case hang
  /// Reset the connection before the server sees the request.
  case reset
  /// Process the request, then answer with an empty body.
  case empty
  /// Process the request, then answer with a garbled body.
  case malformed
  /// Process the request (a refresh rotates the token), then lose the response: the client never
  /// hears and times out (FAPI 2.0's reason for reuse leeway).
  case lostAfterCommit

  /// The name used in traces and reports.
  public var name: String {
    switch self {
    case .status(let code, _): return "status-\(code)"
    case .latency: return "latency"
    case .hang: return "hang"
    case .reset: return "reset"
    case .empty: return "empty"
    case .malformed: return "malformed"
    case .lostAfterCommit: return "lost-after-commit"
    }
  }
}

extension FaultRule {
  /// Reads one fault object of a scenario.
  public init(reading reader: JSONReader) throws(ScenarioError) {
    let object = try reader.object(keys: FaultRule.keys)
    target = try object.required("target", expected: "\"token\", \"api\" or \"both\"").choice([
      ("token", FaultTarget.token), ("api", .api), ("both", .both),
    ])
    effect = try FaultRule.readEffect(object)
    window = try FaultRule.readWindow(object)
    probability = try object.optional("probability")?.number(in: 0...1) ?? 1
    nextRequests = try object.optional("nextRequests")?.integer(in: 1...1_000_000)
  }

  private static func readEffect(_ object: ObjectReader) throws(ScenarioError) -> FaultEffect {
    let given = ["status", "effect", "latency"].filter { object.has($0) }
    guard given.count == 1 else {
      throw object.reader.error(
        expected:
          "exactly one of \"status\", \"effect\" or \"latency\" (given: \(given.isEmpty ? "none" : given.joined(separator: ", ")))"
      )
    }
    if let status = object.optional("status") {
      let code = try status.integer(in: 100...599)
      guard FaultRule.injectableStatuses.contains(code) else {
        throw status.error(
          expected: "one of the statuses " + FaultRule.injectableStatuses.map(String.init).joined(separator: ", "))
      }
      return .status(code, retryAfter: try RetryAfterSpec.read(from: object))
    }
    if object.has("retryAfter") {
      throw object.reader.error(expected: "\"retryAfter\" only together with \"status\"")
    }
    if let latency = object.optional("latency") { return .latency(try LatencyDistribution(reading: latency)) }
    return try object.required("effect", expected: "an effect").choice([
      ("hang", FaultEffect.hang), ("reset", .reset), ("empty", .empty), ("malformed", .malformed),
      ("lost-after-commit", .lostAfterCommit),
    ])
  }

  static func readWindow(_ object: ObjectReader) throws(ScenarioError) -> Range<SimInstant>? {
    guard object.has("from") || object.has("to") else { return nil }
    let from = try object.optional("from")?.duration() ?? .zero
    let to = try object.optional("to")?.duration(in: from...SimDuration.days(3_650)) ?? SimDuration.days(3_650)
    guard from < to else { throw (object.optional("to") ?? object.reader).error(expected: "\"to\" later than \"from\"") }
    return SimInstant(microseconds: from.microseconds)..<SimInstant(microseconds: to.microseconds)
  }
}

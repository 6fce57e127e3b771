/// Decides which injected faults hit a request: rules are tried in file order; latency rules add
/// up, and the first other rule that fires decides the request's fate.
struct FaultPlan {
  private(set) var rules: [FaultRule]
  private var remaining: [Int?]
  private var random: RandomStream
  /// How many rules target the token endpoint, and the API: a request to an endpoint none
  /// targets draws nothing, and is answered at once (the fleet's API calls, with a token fault).
  private var tokenRules = 0
  private var apiRules = 0

  init(rules: [FaultRule], random: RandomStream) {
    self.rules = []
    self.remaining = []
    self.random = random
    for rule in rules { _ = add(rule) }
  }

  /// Adds `rule` after the others (a live server's control API); returns its index.
  mutating func add(_ rule: FaultRule) -> Int {
    rules.append(rule)
    remaining.append(rule.nextRequests)
    if rule.target.covers(.token) { tokenRules += 1 }
    if rule.target.covers(.api) { apiRules += 1 }
    return rules.count - 1
  }

  /// Ends rule `index`'s window at `now`: it hits no request from then on.
  mutating func end(_ index: Int, now: SimInstant) {
    let from = rules[index].window?.lowerBound ?? .start
    rules[index].window = min(from, now)..<now
  }

  /// What happens to a request reaching `endpoint` at `now`.
  struct Draw {
    var effect: FaultEffect?
    var extraLatency = SimDuration.zero
  }

  /// Inlined where it is asked, so that a request to an endpoint no rule targets costs one test
  /// (every token request and API call draws).
  @inline(__always)
  mutating func draw(for endpoint: Endpoint, at now: SimInstant) -> Draw {
    guard (endpoint == .token ? tokenRules : apiRules) > 0 else { return Draw() }
    return drawFromRules(for: endpoint, at: now)
  }

  /// Rules are read in place by index: no iterator holds the array, and a rule that does not
  /// apply costs a few comparisons.
  private mutating func drawFromRules(for endpoint: Endpoint, at now: SimInstant) -> Draw {
    var result = Draw()
    for index in rules.indices where applies(index, to: endpoint, at: now) {
      let rule = rules[index]
      guard random.chance(rule.probability) else { continue }
      if case .latency(let distribution) = rule.effect {
        result.extraLatency = result.extraLatency + distribution.sample(&random)
      } else if result.effect == nil {
        result.effect = rule.effect
      } else {
        continue
      }
      if let left = remaining[index] { remaining[index] = left - 1 }
    }
    return result
  }

  /// Whether rule `index` may hit a request reaching `endpoint` at `now`: its target, its window,
  /// and the requests it has left.
  private func applies(_ index: Int, to endpoint: Endpoint, at now: SimInstant) -> Bool {
    guard rules[index].target.covers(endpoint), remaining[index] != 0 else { return false }
    guard let window = rules[index].window else { return true }
    return window.contains(now)
  }
}

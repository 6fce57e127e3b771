/// Decides which injected faults hit a request: rules are tried in file order; latency rules add
/// up, and the first other rule that fires decides the request's fate.
struct FaultPlan {
  private(set) var rules: [FaultRule]
  private var remaining: [Int?]
  private var random: RandomStream

  init(rules: [FaultRule], random: RandomStream) {
    self.rules = rules
    self.remaining = rules.map(\.nextRequests)
    self.random = random
  }

  /// Adds `rule` after the others (a live server's control API); returns its index.
  mutating func add(_ rule: FaultRule) -> Int {
    rules.append(rule)
    remaining.append(rule.nextRequests)
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

  /// A rule is copied out of the list only once it covers `endpoint`: the token rules of a
  /// scenario are not copied (and their effects retained and released) for every API call.
  mutating func draw(for endpoint: Endpoint, at now: SimInstant) -> Draw {
    var result = Draw()
    for index in rules.indices where rules[index].target.covers(endpoint) {
      let rule = rules[index]
      guard rule.window.map({ $0.contains(now) }) ?? true, remaining[index] != 0 else { continue }
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
}

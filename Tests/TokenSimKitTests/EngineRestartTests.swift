import Testing

@testable import TokenSimKit

/// A work loop's restart puts the engine back in place (`RefreshClient.forget`) instead of
/// building a new one: every field but the request tags must come out as a fresh engine's. The
/// fields are compared through `dump`, so a field added later and not put back fails here.
struct EngineRestartTests {
  /// The engine's fields as `dump` spells them, but the request tags (which a restart keeps) and
  /// the waiting line's count of entries looked at (a test counter).
  static func fields(_ engine: RefreshClient) -> [String] {
    var text = ""
    dump(engine, to: &text)
    return text.split(separator: "\n").map(String.init).filter {
      !$0.contains("nextRequest") && !$0.contains("storedVisited")
    }
  }

  @Test(arguments: [Coordination.none, .reread])
  func aRestartedEngineIsAFreshOneButForItsRequestTags(coordination: Coordination) throws {
    let policy = RefreshPolicy(try choice("naive").parameters)
    var context = StrategyContext(now: .start, processID: 1, role: .daemon, random: RandomStream(rootSeed: 1, name: "restart"))
    var used = RefreshClient(policy: policy, coordination: coordination)
    var actions: [StrategyAction] = []
    func deliver(_ event: StrategyEvent, at time: SimInstant) {
      context.now = time
      used.handle(event, context: &context, actions: &actions)
    }
    deliver(.started(cause: .processStart), at: t(0))
    deliver(.storeRead(result: stored(credentials(1, expiry: t(1)))), at: t(0))
    deliver(.tokenNeeded(ask: 1, forceRefresh: false), at: t(2))
    deliver(.tokenNeeded(ask: 2, forceRefresh: true), at: t(2))
    deliver(.refreshCompleted(request: 1, reply: failed(503, retryAfter: "60")), at: t(3))
    #expect(Self.fields(used) != Self.fields(RefreshClient(policy: policy, coordination: coordination)))
    deliver(.started(cause: .workLoopRestart), at: t(4))
    var fresh = RefreshClient(policy: policy, coordination: coordination)
    fresh.handle(.started(cause: .processStart), context: &context, actions: &actions)
    #expect(Self.fields(used) == Self.fields(fresh))
  }
}

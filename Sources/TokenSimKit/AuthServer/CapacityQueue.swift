/// The token endpoint's limited concurrency: `concurrent` requests in service, then a bounded
/// queue, then 503. A queued request is served even after its client gave up, as real servers do.
struct CapacityQueue {
  let config: CapacityConfig
  private(set) var inService = 0
  private var waiting: [Int] = []
  private var head = 0

  init(config: CapacityConfig) { self.config = config }

  enum Admission { case serveNow, queued, rejected }

  /// Admits request `id`.
  mutating func admit(_ id: Int) -> Admission {
    if inService < config.concurrent {
      inService += 1
      return .serveNow
    }
    guard queued < config.queue else { return .rejected }
    waiting.append(id)
    return .queued
  }

  /// How many requests wait for a slot.
  var queued: Int { waiting.count - head }

  /// Frees a slot; returns the queued request to serve next, if any.
  mutating func finish() -> Int? {
    precondition(inService > 0, "a service ended with no request in service")
    guard head < waiting.count else {
      inService -= 1
      return nil
    }
    let next = waiting[head]
    head += 1
    if head > 1_024, head * 2 > waiting.count {
      waiting.removeFirst(head)
      head = 0
    }
    return next
  }
}

extension CapacityQueue {
  /// The queue's broken invariants at `now`; empty when it is sound.
  func invariantViolations(now: SimInstant) -> [String] {
    var violations: [String] = []
    if inService < 0 || inService > config.concurrent {
      violations.append("\(inService) token requests in service at \(now), outside 0...\(config.concurrent)")
    }
    if queued > config.queue {
      violations.append("\(queued) token requests queued at \(now), beyond the bound of \(config.queue)")
    }
    if queued > 0, inService < config.concurrent {
      violations.append("\(queued) token requests queued at \(now) while \(config.concurrent - inService) slots are free")
    }
    return violations
  }
}

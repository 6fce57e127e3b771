/// The scenario's triggers as the trace shows them: fault windows opening and closing, and
/// security events.
struct TriggerLog {
  /// One fault window (its end nil while open).
  struct Window: Equatable {
    var rule: Int
    var effect: String
    var from: SimInstant
    var to: SimInstant?
  }

  private(set) var windows: [Window] = []
  private(set) var securityEvents: [SimInstant] = []

  mutating func faultWindow(rule: Int, effect: String, open: Bool, at time: SimInstant) {
    if open { return windows.append(Window(rule: rule, effect: effect, from: time)) }
    if let index = windows.lastIndex(where: { $0.rule == rule && $0.to == nil }) { windows[index].to = time }
  }

  mutating func securityEvent(at time: SimInstant) { securityEvents.append(time) }

  /// When the first trigger began, if any did.
  var firstStart: SimInstant? { (windows.map(\.from) + securityEvents).min() }

  /// When the last trigger ended, if any happened.
  var lastEnd: SimInstant? { (windows.map { $0.to ?? .never } + securityEvents).max() }

  /// Whether a fault window was still open at the end.
  var openAtEnd: Bool { windows.contains { $0.to == nil } }
}

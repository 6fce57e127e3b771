/// Token requests in flight: how many at once, how many in any one second, and the longest wait
/// for an answer (a request that never ends is what a client without a timeout hangs on).
struct RequestFlow {
  private var inFlight: [Int: (process: Int, sentAt: SimInstant)] = [:]
  private var lastSecond = SlidingWindow(length: .seconds(1))
  private(set) var peakConcurrent = 0
  private(set) var peakPerSecond = 0
  private(set) var longest: (duration: SimDuration, request: Int, process: Int, sentAt: SimInstant, ended: Bool)?

  /// The process that sent `request`, while it is in flight.
  func sender(of request: Int) -> Int? { inFlight[request]?.process }

  mutating func sent(request: Int, process: Int, at time: SimInstant) {
    inFlight[request] = (process, time)
    peakConcurrent = max(peakConcurrent, inFlight.count)
    peakPerSecond = max(peakPerSecond, lastSecond.add(time))
  }

  /// The request's answer arrived; returns when it was sent.
  mutating func ended(request: Int, at time: SimInstant) -> SimInstant? {
    guard let flight = inFlight.removeValue(forKey: request) else { return nil }
    measure(request: request, flight: flight, until: time, ended: true)
    return flight.sentAt
  }

  /// The process died or exited: its requests are no longer waited on. Returns when each was sent.
  mutating func processGone(_ process: Int, at time: SimInstant) -> [SimInstant] {
    inFlight.keys.sorted().filter { inFlight[$0]!.process == process }.map { request in
      let flight = inFlight.removeValue(forKey: request)!
      measure(request: request, flight: flight, until: time, ended: false)
      return flight.sentAt
    }
  }

  /// Requests still waiting when the run ended count until `end`. Returns when each was sent.
  mutating func finish(end: SimInstant) -> [SimInstant] {
    inFlight.keys.sorted().map { request in
      measure(request: request, flight: inFlight[request]!, until: end, ended: false)
      return inFlight[request]!.sentAt
    }
  }

  private mutating func measure(request: Int, flight: (process: Int, sentAt: SimInstant), until time: SimInstant, ended: Bool) {
    let duration = time - flight.sentAt
    guard duration > (longest?.duration ?? .zero) else { return }
    longest = (duration, request, flight.process, flight.sentAt, ended)
  }
}

/// Counts the instants added within the last `length`, for peaks over a sliding window.
struct SlidingWindow {
  let length: SimDuration
  private var times: [SimInstant] = []
  private var head = 0

  init(length: SimDuration) { self.length = length }

  /// Adds `time` (not earlier than the last one) and returns how many lie within `length` of it.
  mutating func add(_ time: SimInstant) -> Int {
    times.append(time)
    while time - times[head] >= length { head += 1 }
    if head > 1_024, head * 2 > times.count {
      times.removeFirst(head)
      head = 0
    }
    return times.count - head
  }

  /// The earliest instant still in the window.
  var oldest: SimInstant? { head < times.count ? times[head] : nil }
}

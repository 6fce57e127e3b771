/// Token requests in flight: how many at once, how many in any one second, and the longest wait
/// for an answer (a request that never ends is what a client without a timeout hangs on).
struct RequestFlow {
  private var inFlight = SerialTable<(process: Int, sentAt: SimInstant)>()
  /// Per process, its earliest request in flight, so that a process ending costs a look at its
  /// own requests only. A plain number, written when a process sends while it has none in flight
  /// and left in place when that request ends (it is then no longer in `inFlight` as this
  /// process's): the usual request's end writes nothing here, and a process's single request
  /// needs no list.
  private var firstInFlightOf = SerialTable<Int>()
  /// Per process with more than one request in flight, the later ones in request order (never
  /// empty; its earliest is then in flight).
  private var laterInFlightOf = SerialTable<[Int]>()
  private var lastSecond = SlidingWindow(length: .seconds(1))
  private(set) var peakConcurrent = 0
  private(set) var peakPerSecond = 0
  /// The longest wait so far, with the name of the process that waited.
  private(set) var longest: (duration: SimDuration, request: Int, process: String, sentAt: SimInstant, ended: Bool)?

  /// The process that sent `request`, while it is in flight.
  func sender(of request: Int) -> Int? { inFlight[request]?.process }

  /// When the latest request was sent, and how many were sent at that instant.
  private(set) var lastSentAt: SimInstant?
  private(set) var sentAtLast = 0

  mutating func sent(request: Int, process: Int, at time: SimInstant) {
    sentAtLast = lastSentAt == time ? sentAtLast + 1 : 1
    lastSentAt = time
    // Whether the process's earliest is still in flight is asked before `request` enters: a trace
    // read from elsewhere may number a new request as one that already ended.
    let hasEarlier = firstInFlightOf[process].map { inFlight[$0]?.process == process } ?? false
    inFlight[request] = (process, time)
    if hasEarlier {
      if laterInFlightOf.modify(process, { $0.append(request) }) == nil { laterInFlightOf[process] = [request] }
    } else if firstInFlightOf.modify(process, { $0 = request }) == nil {
      // Usually the process's earlier request, ended, is replaced in place (an inlined write); only
      // a process's first request adds an entry.
      firstInFlightOf[process] = request
    }
    peakConcurrent = max(peakConcurrent, inFlight.count)
    peakPerSecond = max(peakPerSecond, lastSecond.add(time))
  }

  /// The answer to `request`, sent by the process called `name`, arrived; returns when it was sent.
  mutating func ended(request: Int, name: @autoclosure () -> String, at time: SimInstant) -> SimInstant? {
    guard let flight = inFlight[request] else { return nil }
    inFlight[request] = nil
    settled(request, of: flight.process)
    measure(request: request, flight: flight, name: name(), until: time, ended: true)
    return flight.sentAt
  }

  /// The process called `name` died or exited: its requests are no longer waited on. Returns when
  /// each was sent, or nil when none was in flight (the usual end, which then builds no array).
  mutating func processGone(_ process: Int, name: @autoclosure () -> String, at time: SimInstant) -> [SimInstant]? {
    guard let first = firstInFlightOf[process] else { return nil }
    firstInFlightOf[process] = nil
    guard inFlight[first]?.process == process else { return nil }
    var requests = [first]
    if laterInFlightOf.count > 0, let later = laterInFlightOf[process] {
      laterInFlightOf[process] = nil
      requests += later
    }
    return requests.compactMap { request in
      guard let flight = inFlight[request] else { return nil }  // a number sent twice, taken once
      inFlight[request] = nil
      measure(request: request, flight: flight, name: name(), until: time, ended: false)
      return flight.sentAt
    }
  }

  /// Requests still waiting when the run ended count until `end`, their senders named by `name`.
  /// Returns when each was sent.
  mutating func finish(end: SimInstant, name: (Int) -> String) -> [SimInstant] {
    inFlight.numbers.map { request in
      let flight = inFlight[request]!
      measure(request: request, flight: flight, name: name(flight.process), until: end, ended: false)
      return flight.sentAt
    }
  }

  /// `request` of `process` ended, and is no longer in `inFlight`. Only a process with later
  /// requests has anything to update: its next request becomes its earliest, or the ended one
  /// leaves its later list, which is dropped once it empties.
  private mutating func settled(_ request: Int, of process: Int) {
    guard laterInFlightOf.count > 0, laterInFlightOf[process] != nil else { return }
    let isFirst = firstInFlightOf[process] == request
    let (next, emptied) = laterInFlightOf.modify(process) { requests -> (Int, Bool) in
      if isFirst { return (requests.removeFirst(), requests.isEmpty) }
      if let index = requests.firstIndex(of: request) { requests.remove(at: index) }
      return (request, requests.isEmpty)
    }!
    if emptied { laterInFlightOf[process] = nil }
    if isFirst { firstInFlightOf[process] = next }
  }

  private mutating func measure(
    request: Int, flight: (process: Int, sentAt: SimInstant), name: @autoclosure () -> String, until time: SimInstant,
    ended: Bool
  ) {
    let duration = time - flight.sentAt
    guard duration > (longest?.duration ?? .zero) else { return }
    longest = (duration, request, name(), flight.sentAt, ended)
  }
}

/// Counts the instants added within the last `length`, for peaks over a sliding window.
struct SlidingWindow {
  let length: SimDuration
  private var times: [SimInstant] = []
  private var head = 0

  init(length: SimDuration) { self.length = length }

  /// Adds `time` (not earlier than the last one) and returns how many lie within `length` of it.
  /// Inlined: its two callers add on every token request and every work-loop restart.
  @inline(__always)
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

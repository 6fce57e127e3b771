import Glibc
import TokenSimKit

/// The live server's one thread: `poll` over the listener and every connection, then the timers
/// due by server time, then the bounds on slow and idle connections. Nothing blocks: a latency
/// fault is a timer, a hang is a connection left unanswered, and every socket is nonblocking, so
/// one client never holds up another.
final class PollLoop {
  private(set) var session: ServeSession
  private let listener: Int32
  private let limits: HTTPLimits
  private var connections: [Int: Connection] = [:]
  private var nextID = 1
  private var lastSweep: UInt64 = 0
  /// Where every read lands before it is appended to its connection's input.
  private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 16_384, alignment: 8)

  init(session: ServeSession, listener: Int32) {
    self.session = session
    self.listener = listener
    limits = session.settings.limits
  }

  deinit { scratch.deallocate() }

  /// Serves until a stop signal, or until the monotonic clock reaches `deadline` (nanoseconds).
  func run(until deadline: UInt64?) {
    while !StopSignal.requested {
      let now = ServerClock.monotonicNanoseconds()
      if let deadline, now >= deadline { break }
      pollOnce(timeout: timeout(now: now, deadline: deadline))
      fireTimers()
      sweep()
    }
    for connection in Array(connections.values) { drop(connection) }
  }

  /// Milliseconds to wait: until the next timer or the deadline, at most 100 (the sweep's period).
  private func timeout(now: UInt64, deadline: UInt64?) -> Int32 {
    var milliseconds = 100
    if let next = session.timers.next { milliseconds = min(milliseconds, session.clock.wallMilliseconds(until: next)) }
    if let deadline { milliseconds = min(milliseconds, Int((deadline - now) / 1_000_000) + 1) }
    return Int32(max(0, milliseconds))
  }

  private func pollOnce(timeout: Int32) {
    let open = Array(connections.values)
    var descriptors = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
    for connection in open { descriptors.append(pollfd(fd: connection.descriptor, events: events(connection), revents: 0)) }
    guard poll(&descriptors, nfds_t(descriptors.count), timeout) > 0 else { return }
    if descriptors[0].revents != 0 { acceptAll() }
    for (index, connection) in open.enumerated() {
      let revents = descriptors[index + 1].revents
      guard revents != 0, connections[connection.id] != nil else { continue }
      if revents & Int16(POLLOUT) != 0 { flush(connection) }
      if connections[connection.id] != nil, revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { read(connection) }
    }
  }

  /// POLLIN while the client may still send and the buffer is within bounds; POLLOUT while there
  /// is something to write.
  private func events(_ connection: Connection) -> Int16 {
    var events: Int32 = 0
    if !connection.peerClosed, connection.input.count <= limits.headerBytes + limits.bodyBytes { events |= Int32(POLLIN) }
    if connection.wantsWrite { events |= Int32(POLLOUT) }
    return Int16(events)
  }

  private func acceptAll() {
    while let descriptor = Socket.accept(listener) {
      guard connections.count < limits.connections else {
        Socket.close(descriptor)
        continue
      }
      let connection = Connection(id: nextID, descriptor: descriptor, now: ServerClock.monotonicNanoseconds())
      nextID += 1
      connections[connection.id] = connection
    }
    session.openConnections = connections.count
  }

  private func read(_ connection: Connection) {
    let before = connection.input.count
    switch Socket.read(connection.descriptor, into: &connection.input, scratch: scratch) {
    case .wouldBlock: return
    case .failed: return drop(connection)
    case .closed:
      connection.peerClosed = true
      // A client that closes while the server hangs has given up; one that half-closes after a
      // request still gets its answer; one that closes mid-request or between requests is done.
      if connection.hung || !connection.busy { return drop(connection) }
    case .data:
      let now = ServerClock.monotonicNanoseconds()
      connection.lastActivity = now
      if connection.hung { return connection.input.removeAll() }
      if before == 0, !connection.busy { connection.requestStartedAt = now }
      process(connection)
    }
  }

  /// Parses and handles the requests waiting in `connection`'s input, one at a time.
  private func process(_ connection: Connection) {
    while !connection.busy, !connection.closeAfterWrite, connections[connection.id] != nil {
      switch HTTPRequestParser.parse(connection.input, limits: limits) {
      case .incomplete: return
      case .failure(let failure):
        connection.input.removeAll()
        connection.busy = true
        return apply(.respond(.failure(failure)), to: connection, keepAlive: false)
      case .request(let request, let length):
        connection.input.removeFirst(length)
        connection.requestStartedAt = connection.input.isEmpty ? nil : ServerClock.monotonicNanoseconds()
        connection.busy = true
        connection.closeAfterWrite = false
        let keepAlive = request.keepAlive
        let action = session.handle(request, on: connection.id)
        if !keepAlive { connection.closeAfterWrite = action == .wait || action == .hang }
        apply(action, to: connection, keepAlive: keepAlive)
      }
    }
  }

  private func apply(_ action: ConnectionAction, to connection: Connection, keepAlive: Bool) {
    switch action {
    case .respond(var response):
      connection.busy = false
      if !keepAlive || connection.peerClosed { response.closes = true }
      if response.closes { connection.closeAfterWrite = true }
      connection.enqueue(response.serialized(date: session.date))
      flush(connection)
      if connections[connection.id] != nil, !connection.closeAfterWrite { process(connection) }
    case .wait: return
    case .hang:
      connection.hung = true
      connection.input.removeAll()
    case .reset: drop(connection, reset: true)
    case .close: drop(connection)
    }
  }

  /// Writes what the socket takes; closes when done and asked to, or when the write fails.
  private func flush(_ connection: Connection) {
    guard connection.wantsWrite else { return }
    guard let count = Socket.write(connection.descriptor, connection.output[connection.written...]) else {
      return drop(connection)
    }
    connection.written += count
    if count > 0 { connection.lastActivity = ServerClock.monotonicNanoseconds() }
    if !connection.wantsWrite {
      connection.output.removeAll(keepingCapacity: true)
      connection.written = 0
      if connection.closeAfterWrite { drop(connection) }
    }
  }

  private func fireTimers() {
    for (id, action) in session.fireDueTimers() {
      guard let connection = connections[id] else { continue }
      apply(action, to: connection, keepAlive: !connection.closeAfterWrite)
    }
  }

  /// Ends requests that arrive too slowly (408), and idle or stuck connections, and writes the
  /// trace's buffered lines; ten times a second.
  private func sweep() {
    let now = ServerClock.monotonicNanoseconds()
    guard now - lastSweep >= 100_000_000 else { return }
    lastSweep = now
    session.trace.flush()
    let readLimit = UInt64(limits.readTime.microseconds) * 1_000
    let idleLimit = UInt64(limits.idleTime.microseconds) * 1_000
    for connection in Array(connections.values) where !connection.busy {
      if let started = connection.requestStartedAt, now - started > readLimit {
        connection.input.removeAll()
        connection.busy = true
        let message = "the request did not arrive within \(limits.readTime)"
        apply(.respond(.failure(HTTPFailure(status: 408, message: message))), to: connection, keepAlive: false)
      } else if now - connection.lastActivity > idleLimit {
        drop(connection)
      }
    }
  }

  /// Closes `connection` (with a reset when asked) and tells the session.
  private func drop(_ connection: Connection, reset: Bool = false) {
    guard connections.removeValue(forKey: connection.id) != nil else { return }
    if reset { Socket.reset(connection.descriptor) } else { Socket.close(connection.descriptor) }
    session.connectionClosed(connection.id)
    session.openConnections = connections.count
  }
}

import Glibc

/// The load generator: one thread around `poll` driving every client connection of a plan to
/// 127.0.0.1:`port`, for the plan's wall time and no longer, so that it takes at most one of
/// the machine's cores beside the server.
final class LoadDriver {
  let port: Int
  let plan: LoadPlan
  private(set) var tally = LoadTally()
  private var clients: [LoadConnection]
  private var random = SplitMix(seed: 0x5EED)
  /// Where every read lands before it is appended to a client's input.
  private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 8)

  /// Clients named `c1`, `c2`, … each with one session (refresh, access) of `sessions`.
  init(port: Int, plan: LoadPlan, sessions: [(refresh: String, access: String)]) {
    self.port = port
    self.plan = plan
    clients = (0..<plan.connections).map {
      LoadConnection(name: "c\($0 + 1)", refreshToken: sessions[$0].refresh, accessToken: sessions[$0].access)
    }
  }

  deinit { scratch.deallocate() }

  /// Monotonic nanoseconds.
  static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }

  /// Runs the plan; calls `every` each `period` seconds with the seconds elapsed. Closes every
  /// connection at the end.
  func run(every period: Double, _ sample: (Double) -> Void) -> LoadTally {
    let start = Self.now()
    let end = start + UInt64(plan.seconds * 1e9)
    var nextSample = start + UInt64(period * 1e9)
    for client in clients { open(client, now: start) }
    var descriptors: [pollfd] = []
    var polled: [LoadConnection] = []
    while true {
      let now = Self.now()
      if now >= end { break }
      if now >= nextSample {
        sample(Double(now - start) / 1e9)
        nextSample += UInt64(period * 1e9)
      }
      descriptors.removeAll(keepingCapacity: true)
      polled.removeAll(keepingCapacity: true)
      for client in clients where client.descriptor >= 0 && client.phase != .waiting {
        let events = client.phase == .reading ? POLLIN : POLLOUT
        descriptors.append(pollfd(fd: client.descriptor, events: Int16(events), revents: 0))
        polled.append(client)
      }
      if poll(&descriptors, nfds_t(descriptors.count), plan.interval > 0 ? 2 : 5) > 0 {
        for (index, client) in polled.enumerated() where descriptors[index].revents != 0 { ready(client) }
      }
      timers(now: Self.now())
    }
    for client in clients { client.close() }
    return tally
  }

  private func open(_ client: LoadConnection, now: UInt64) {
    do {
      client.descriptor = try LoopbackSocket.connect(port: port, blocking: false)
      client.phase = .connecting
      client.requestsOnConnection = 0
      tally.connectionsOpened += 1
      tally.mostOpen = max(tally.mostOpen, clients.filter { $0.descriptor >= 0 }.count)
    } catch {
      tally.connectFailures += 1
      client.nextAt = now + 100_000_000
    }
  }

  private func ready(_ client: LoadConnection) {
    switch client.phase {
    case .connecting:
      var error: Int32 = 0
      var length = socklen_t(MemoryLayout<Int32>.size)
      getsockopt(client.descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
      guard error == 0 else { return failed(client, connect: true) }
      client.phase = .waiting
      client.nextAt = Self.now()
      send(client)
    case .sending: write(client)
    case .reading: read(client)
    case .closed, .waiting: return
    }
  }

  /// Sends, opens or gives up whatever is due.
  private func timers(now: UInt64) {
    let timeout = UInt64(plan.requestTimeout * 1e9)
    for client in clients {
      switch client.phase {
      case .waiting where now >= client.nextAt: send(client)
      case .closed where now >= client.nextAt: open(client, now: now)
      case .reading where now - client.sentAt > timeout:
        tally.timeouts += 1
        reconnect(client, now: now)
      default: continue
      }
    }
  }

  private func send(_ client: LoadConnection) {
    client.isAPICall = random.chance(plan.apiShare)
    let draw = random.unit()
    client.ending =
      draw < plan.abandonShare ? .abandon : draw < plan.abandonShare + plan.walkAwayShare ? .walkAway : .read
    client.requestsOnConnection += 1
    client.closesAfterAnswer = plan.requestsPerConnection > 0 && client.requestsOnConnection >= plan.requestsPerConnection
    client.output = client.request(api: client.isAPICall, close: client.closesAfterAnswer)
    client.written = 0
    client.sentAt = Self.now()
    client.phase = .sending
    write(client)
  }

  private func write(_ client: LoadConnection) {
    let goal = client.ending == .abandon ? client.output.count / 2 : client.output.count
    let count = client.output[client.written..<goal].withUnsafeBytes {
      Glibc.send(client.descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
    }
    if count < 0 {
      if errno == EAGAIN || errno == EINTR { return }
      return failed(client, connect: false)
    }
    client.written += count
    guard client.written == goal else { return }
    switch client.ending {
    case .abandon:
      tally.abandoned += 1
      reconnect(client, now: Self.now())
    case .walkAway:
      tally.sent += 1
      tally.walkedAway += 1
      reconnect(client, now: Self.now())
    case .read:
      tally.sent += 1
      client.phase = .reading
      read(client)
    }
  }

  private func read(_ client: LoadConnection) {
    while true {
      let count = recv(client.descriptor, scratch.baseAddress, scratch.count, 0)
      if count > 0 {
        client.input.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
        if count == scratch.count { continue }
        break
      }
      if count == 0 {
        tally.closedWithoutAnswer += 1
        return reconnect(client, now: Self.now())
      }
      if errno == EAGAIN || errno == EINTR { break }
      return failed(client, connect: false)
    }
    guard let answer = HTTPAnswer.parse(client.input) else { return }
    answered(client, answer)
  }

  private func answered(_ client: LoadConnection, _ answer: HTTPAnswer) {
    let now = Self.now()
    tally.latencies.append(UInt32(clamping: (now - client.sentAt) / 1_000))
    tally.statuses[answer.status, default: 0] += 1
    if !client.isAPICall {
      tally.tokenAnswers += 1
      if answer.status == 200, let refresh = answer.field("refresh_token") {
        client.refreshToken = refresh
        client.accessToken = answer.field("access_token") ?? client.accessToken
        tally.refreshed += 1
      }
    }
    client.input.removeFirst(min(answer.length, client.input.count))
    if answer.closes || client.closesAfterAnswer { return reconnect(client, now: now, after: 0) }
    client.phase = .waiting
    client.nextAt = plan.interval > 0 ? client.sentAt + UInt64(plan.interval * 1e9) : now
    if client.nextAt <= now { send(client) }
  }

  private func failed(_ client: LoadConnection, connect: Bool) {
    if connect {
      tally.connectFailures += 1
    } else if errno == ECONNRESET {
      tally.resets += 1
    } else {
      tally.closedWithoutAnswer += 1
    }
    reconnect(client, now: Self.now())
  }

  /// Closes and opens a new connection after `after` seconds (a pause between retries).
  private func reconnect(_ client: LoadConnection, now: UInt64, after: Double = 0.05) {
    client.close()
    client.nextAt = now + UInt64(after * 1e9)
  }
}

/// A small seeded generator (SplitMix64) for the clients' draws.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform draw in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

  /// True with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool { probability > 0 && unit() < probability }
}

import Glibc

/// The few socket calls the live server makes, over the toolchain's Glibc: a loopback listener,
/// nonblocking accept, read and write, and the two ways to close (orderly, or reset with
/// `SO_LINGER` 0). Every descriptor is nonblocking and close-on-exec.
enum Socket {
  /// The addresses a live server may listen on: loopback only.
  static let loopbackHosts = ["127.0.0.1", "::1"]

  /// How a read ended.
  enum ReadResult: Equatable {
    /// This many bytes were appended.
    case data(Int)
    /// Nothing to read now.
    case wouldBlock
    /// The peer closed its side (end of file).
    case closed
    /// The connection failed (reset by the peer, or another error).
    case failed
  }

  /// Listens on `host` (127.0.0.1 or ::1) at `port` (0 picks a free one); returns the descriptor
  /// and the port bound.
  static func listen(host: String, port: Int) throws(LiveError) -> (descriptor: Int32, port: Int) {
    let ipv6 = host == "::1"
    let descriptor = socket(
      ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { throw LiveError("cannot open a socket: \(errorText())") }
    var one: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    let bound = ipv6 ? bindIPv6(descriptor, port: port) : bindIPv4(descriptor, port: port)
    guard bound == 0, Glibc.listen(descriptor, SOMAXCONN) == 0 else {
      let reason = errorText()
      Glibc.close(descriptor)
      throw LiveError("cannot listen on \(ipv6 ? "[::1]" : host):\(port): \(reason)")
    }
    return (descriptor, boundPort(descriptor, ipv6: ipv6))
  }

  private static func bindIPv4(_ descriptor: Int32, port: Int) -> Int32 {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
  }

  private static func bindIPv6(_ descriptor: Int32, port: Int) -> Int32 {
    var address = sockaddr_in6()
    address.sin6_family = sa_family_t(AF_INET6)
    address.sin6_port = UInt16(port).bigEndian
    address.sin6_addr = in6addr_loopback
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
      }
    }
  }

  private static func boundPort(_ descriptor: Int32, ipv6: Bool) -> Int {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    withUnsafeMutablePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(descriptor, $0, &length) }
    }
    return withUnsafePointer(to: &storage) { pointer in
      ipv6
        ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
        : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
    }
  }

  /// The next waiting connection, nonblocking; nil when none waits (or accept failed).
  static func accept(_ listener: Int32) -> Int32? {
    let descriptor = Glibc.accept(listener, nil, nil)
    guard descriptor >= 0 else { return nil }
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    var one: Int32 = 1  // small replies go out at once, not after a delayed ACK
    setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    return descriptor
  }

  /// Reads what is available (at most `scratch.count` bytes, through `scratch`, which the caller
  /// keeps so that no read allocates) and appends it to `buffer`.
  static func read(_ descriptor: Int32, into buffer: inout [UInt8], scratch: UnsafeMutableRawBufferPointer) -> ReadResult {
    let count = recv(descriptor, scratch.baseAddress, scratch.count, 0)
    if count > 0 {
      buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
      return .data(count)
    }
    if count == 0 { return .closed }
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .wouldBlock : .failed
  }

  /// Writes as much of `bytes` as the socket takes now; returns how many, or nil when the
  /// connection failed. Never raises SIGPIPE.
  static func write(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) -> Int? {
    let count = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    if count >= 0 { return count }
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : nil
  }

  /// Closes in order: the peer reads end of file after anything already sent.
  static func close(_ descriptor: Int32) { Glibc.close(descriptor) }

  /// Closes with `SO_LINGER` 0: the peer gets a TCP reset (ECONNRESET), not end of file.
  static func reset(_ descriptor: Int32) {
    var option = linger(l_onoff: 1, l_linger: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
    Glibc.close(descriptor)
  }

  /// The text of the last error (`strerror(errno)`).
  static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
}

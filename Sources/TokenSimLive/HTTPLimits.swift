import TokenSimKit

/// What the live server accepts of one request and one connection, so that no client can make it
/// hold unbounded memory or wait for ever.
public struct HTTPLimits: Equatable, Sendable {
  /// The request line and headers together, in bytes (431 beyond).
  public var headerBytes = 16_384
  /// Header fields in one request (431 beyond).
  public var headerCount = 100
  /// The body, in bytes (413 beyond).
  public var bodyBytes = 65_536
  /// Wall time from a request's first byte to its last (408 beyond).
  public var readTime = SimDuration.seconds(10)
  /// Wall time an idle keep-alive connection is kept.
  public var idleTime = SimDuration.seconds(120)
  /// Connections at once; one more is closed as soon as it is accepted.
  public var connections = 4_096

  /// The defaults.
  public init() {}
}

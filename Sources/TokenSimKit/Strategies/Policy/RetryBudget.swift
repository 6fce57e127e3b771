/// A retry budget shaped like gRPC's retry throttling: a bucket of `maxTokens` that each failure
/// drains by one and each success refills by `tokenRatio`; retries are allowed only while more
/// than half the bucket is left. It stops a client from amplifying an outage with retries.
public struct RetryBudget: Equatable, Sendable {
  /// The bucket's size (gRPC: 10).
  public let maxTokens: Double
  /// What a success puts back (gRPC: 0.1).
  public let tokenRatio: Double
  /// Tokens left.
  public private(set) var tokens: Double

  /// A full bucket.
  public init(maxTokens: Double = 10, tokenRatio: Double = 0.1) {
    self.maxTokens = maxTokens
    self.tokenRatio = tokenRatio
    tokens = maxTokens
  }

  /// Whether a retry may be sent now.
  public var allowsRetry: Bool { tokens > maxTokens / 2 }

  /// A request failed.
  public mutating func recordFailure() { tokens = max(0, tokens - 1) }

  /// A request succeeded.
  public mutating func recordSuccess() { tokens = min(maxTokens, tokens + tokenRatio) }
}

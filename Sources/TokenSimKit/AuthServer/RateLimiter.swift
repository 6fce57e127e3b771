/// A token bucket: `burst` requests at once, refilled at `perSecond`.
struct RateLimiter {
  let config: RateLimitConfig
  private var tokens: Double
  private var updatedAt = SimInstant.start

  init(config: RateLimitConfig) {
    self.config = config
    self.tokens = Double(config.burst)
  }

  /// Takes one token if there is one.
  mutating func admit(at now: SimInstant) -> Bool {
    let elapsed = (now - updatedAt).seconds
    tokens = min(Double(config.burst), tokens + elapsed * config.perSecond)
    updatedAt = now
    guard tokens >= 1 else { return false }
    tokens -= 1
    return true
  }
}

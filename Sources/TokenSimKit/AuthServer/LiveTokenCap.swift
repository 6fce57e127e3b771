/// The per-user cap on live refresh tokens (`maxLiveRefreshTokens`): the tokens that may still
/// be active, in issue order, and how many of them are. A token stops being active when it is
/// rotated or capped away, which the ledger reports (`deactivated`). Entries that stopped being
/// active are skipped when the oldest active token is capped away, and swept out once they
/// outnumber the active ones, so a mint costs amortized O(1) instead of a filter over every live
/// token.
struct LiveTokenCap {
  /// The most active tokens allowed.
  let cap: Int
  private var serials: [Int] = []
  private var head = 0
  /// How many tokens in the line are active.
  private(set) var active = 0

  init(cap: Int) { self.cap = cap }

  /// The serials kept (active, or inactive and not yet swept), oldest first.
  var kept: ArraySlice<Int> { serials[head...] }

  /// Whether more tokens are active than the cap allows.
  var isOverCap: Bool { active > cap }

  /// Whether inactive entries outnumber the active ones (plus a slack of 16): time to `sweep`.
  var needsSweep: Bool { serials.count - head > 2 * active + 16 }

  /// `serial` was minted, active.
  mutating func minted(_ serial: Int) {
    serials.append(serial)
    active += 1
  }

  /// Takes the oldest kept serial out of the line; the caller kills it if it is still active and
  /// then calls `deactivated`.
  mutating func takeOldest() -> Int? {
    guard head < serials.count else { return nil }
    head += 1
    return serials[head - 1]
  }

  /// An active token in the line was rotated or killed.
  mutating func deactivated() { active -= 1 }

  /// Keeps only `active`, the kept serials that are still active (in their order).
  mutating func sweep(keeping active: [Int]) {
    precondition(active.count == self.active, "the live-token cap counted \(self.active) active, swept \(active.count)")
    serials = active
    head = 0
  }
}

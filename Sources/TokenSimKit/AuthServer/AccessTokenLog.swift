/// The access tokens the server minted, numbered from 1. All share one lifetime (the expiry is the
/// issue plus it, rounded down to a second: never earlier for a later issue), so they expire in
/// the order they were minted: expired ones are dropped from the front, and the log holds only the
/// tokens still valid (an expired token is refused whatever else is known about it).
struct AccessTokenLog {
  private var records: [AccessRecord] = []
  /// Records before `head` have expired and wait to be dropped.
  private var head = 0
  /// Serials up to `dropped` are gone.
  private var dropped = 0

  /// The number of tokens ever minted; the last one's serial.
  var count: Int { dropped + records.count }

  /// Mints a token of `family` valid until `expiresAt` (not earlier than any before) and returns
  /// its serial, dropping the tokens expired by `now`.
  mutating func mint(family: Int, expiresAt: SimInstant, now: SimInstant) -> Int {
    while head < records.count, records[head].expiresAt <= now { head += 1 }
    if head >= 1_024, head * 2 >= records.count {
      records.removeFirst(head)
      dropped += head
      head = 0
    }
    records.append(AccessRecord(family: family, expiresAt: expiresAt))
    return count
  }

  /// The record of `serial`, unless it is unknown or dropped as expired.
  func record(_ serial: Int) -> AccessRecord? {
    let index = serial - 1 - dropped
    return index >= head && index < records.count ? records[index] : nil
  }

  /// Marks `serial` revoked (nothing to do if it already expired).
  mutating func revoke(_ serial: Int) {
    let index = serial - 1 - dropped
    if index >= head, index < records.count { records[index].revoked = true }
  }
}

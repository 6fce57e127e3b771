/// What the timeline knows of one process: whether its last call succeeded (nil before it
/// started, or after it ended) and whether a needs-login alert of its stands.
///
/// One byte, kept in the process's `ProcessDirectory.Entry` (for every live process, 100,000 in
/// the scale workload), so that an event finds a process's worker, host and mark in one lookup.
/// Its bits are plain flags, so that an entry is copied and compared as whole bytes.
struct ProcessMark: Equatable {
  private var bits: UInt8 = 0

  private static let started: UInt8 = 1
  private static let lastCallOK: UInt8 = 2
  private static let alertStands: UInt8 = 4

  /// Whether its last call succeeded, or it started with no call since; nil when not alive.
  var healthy: Bool? {
    get { bits & Self.started == 0 ? nil : bits & Self.lastCallOK != 0 }
    set {
      bits &= Self.alertStands
      if let newValue { bits |= Self.started | (newValue ? Self.lastCallOK : 0) }
    }
  }

  /// Whether a needs-login alert of its stands.
  var alerted: Bool {
    get { bits & Self.alertStands != 0 }
    set { bits = newValue ? bits | Self.alertStands : bits & ~Self.alertStands }
  }

  /// 1 when it counts among the processes alive (it has a health mark), else 0.
  var aliveCount: Int { Int(bits & Self.started) }

  /// 1 when it counts among the healthy processes without a standing alert, else 0.
  var healthyUnalertedCount: Int { bits & (Self.started | Self.lastCallOK | Self.alertStands) == 3 ? 1 : 0 }
}

/// A machine in the scenario: its clock, its credential store and lock, and its processes.
public struct HostConfig: Equatable, Sendable {
  /// A unique name.
  public var name: String
  /// How far the host clock is ahead of true time (negative: behind).
  public var clockOffset: SimDuration = .zero
  /// Clock drift in parts per million (positive: runs fast).
  public var driftPPM: Double = 0
  /// Windows of true time in which the host is suspended: its processes are frozen and its
  /// clock jumps forward on resume.
  public var suspensions: [Range<SimInstant>] = []
  /// The credential store file.
  public var store = StoreConfig()
  /// The lock beside the store.
  public var lock = LockConfig()
  /// Whether a login at time zero puts a session into the store (default true).
  public var loggedIn = true
  /// The processes on the host.
  public var processes: [ProcessConfig] = []
  /// How many identical hosts this entry stands for (a fleet); the scenario expands it into
  /// hosts numbered from 1, zero-padded so they sort in order (`web-001` … `web-100`).
  public var copies = 1

  static let keys = ["name", "clockOffset", "driftPPM", "suspend", "store", "lock", "login", "processes", "copies"]

  /// The hosts this entry stands for: itself, or `copies` hosts with numbered names.
  public var expanded: [HostConfig] {
    guard copies > 1 else { return [self] }
    let width = String(copies).count
    return (1...copies).map { index in
      var copy = self
      let number = String(index)
      copy.name = "\(name)-" + String(repeating: "0", count: width - number.count) + number
      copy.copies = 1
      return copy
    }
  }
}

/// How the credential store file is written and how long access takes.
public struct StoreConfig: Equatable, Sendable {
  /// Atomic rename (readers see the old or the new file) or in place (a read during a write is torn).
  public var writeMode: WriteMode = .atomicRename
  /// Time for one read.
  public var readTime: SimDuration = .milliseconds(1)
  /// Time for one write.
  public var writeTime: SimDuration = .milliseconds(5)

  /// How a store file is replaced.
  public enum WriteMode: String, Equatable, Sendable, CaseIterable {
    /// Write a temporary file and rename it over the old one.
    case atomicRename = "atomic-rename"
    /// Truncate and write the file itself.
    case inPlace = "in-place"
  }
}

/// The lock the processes of a host can take around the store.
public struct LockConfig: Equatable, Sendable {
  /// `flock`-like or lock-file-like.
  public var kind: Kind = .flock
  /// For a lock file: its age after which a waiter breaks it as stale.
  public var staleAfter: SimDuration = .seconds(30)

  /// The two lock families.
  public enum Kind: String, Equatable, Sendable, CaseIterable {
    /// Released by the kernel when the holder dies.
    case flock
    /// A file that stays when the holder dies, until someone breaks it after `staleAfter`.
    case lockFile = "lock-file"
  }
}

extension HostConfig {
  /// Reads one host object.
  public init(reading reader: JSONReader) throws(ScenarioError) {
    let object = try reader.object(keys: HostConfig.keys)
    name = try object.required("name", expected: "the host's name").name()
    let offsetRange = SimDuration.days(-365)...SimDuration.days(365)
    clockOffset = try object.optional("clockOffset")?.duration(in: offsetRange) ?? .zero
    driftPPM = try object.optional("driftPPM")?.number(in: -100_000...100_000) ?? 0
    suspensions = try object.optional("suspend")?.array().map(HostConfig.readSuspension) ?? []
    if let store = object.optional("store") { self.store = try StoreConfig(reading: store) }
    if let lock = object.optional("lock") { self.lock = try LockConfig(reading: lock) }
    loggedIn = try object.optional("login")?.bool() ?? true
    copies = try object.optional("copies")?.integer(in: 1...10_000) ?? 1
    let processes = try object.required("processes", expected: "an array of processes").array(maximumCount: 1_000)
    self.processes = try processes.map(ProcessConfig.init(reading:))
    try checkSuspensionsDoNotOverlap(reader: object.optional("suspend"))
  }

  private static func readSuspension(_ reader: JSONReader) throws(ScenarioError) -> Range<SimInstant> {
    let object = try reader.object(keys: ["from", "to"])
    _ = try object.required("from", expected: "when the suspension starts")
    _ = try object.required("to", expected: "when the host resumes")
    return try FaultRule.readWindow(object)!
  }

  private func checkSuspensionsDoNotOverlap(reader: JSONReader?) throws(ScenarioError) {
    let sorted = suspensions.sorted { $0.lowerBound < $1.lowerBound }
    for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.lowerBound < earlier.upperBound {
      throw reader!.error(expected: "suspensions that do not overlap")
    }
  }
}

extension StoreConfig {
  init(reading reader: JSONReader) throws(ScenarioError) {
    let object = try reader.object(keys: ["write", "readTime", "writeTime"])
    writeMode = try object.optional("write")?.choice(WriteMode.allCases.map { ($0.rawValue, $0) }) ?? .atomicRename
    readTime = try object.optional("readTime")?.duration(in: .zero...SimDuration.minutes(1)) ?? .milliseconds(1)
    writeTime = try object.optional("writeTime")?.duration(in: .zero...SimDuration.minutes(1)) ?? .milliseconds(5)
  }
}

extension LockConfig {
  init(reading reader: JSONReader) throws(ScenarioError) {
    let object = try reader.object(keys: ["kind", "staleAfter"])
    kind = try object.optional("kind")?.choice(Kind.allCases.map { ($0.rawValue, $0) }) ?? .flock
    staleAfter = try object.optional("staleAfter")?.duration(in: .milliseconds(1)...SimDuration.days(1)) ?? .seconds(30)
    if kind == .flock, let stale = object.optional("staleAfter") {
      throw stale.error(expected: "no \"staleAfter\" for a flock lock (the kernel releases it when the holder dies)")
    }
  }
}

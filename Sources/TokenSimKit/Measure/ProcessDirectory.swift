/// Who each process of a trace is, learned from its `processStarted` events, and the workers the
/// reports speak of: a daemon is a worker of its own; the invocations of one CLI on one host are
/// one worker, because each lives only seconds. A CLI invocation that exited is forgotten (it never
/// comes back), and so is one that crashed when its CLI is not restarted after a crash, so the
/// directory grows with daemons and live invocations, not with time.
struct ProcessDirectory {
  /// One process.
  struct Entry {
    var name: String
    var role: ProcessRole
    var host: String
    var worker: Int
    var alive: Bool
  }

  private var entries = RetiringTable<Entry>()
  /// Worker names, indexed by worker number.
  private(set) var workers: [String] = []
  /// Live processes per worker.
  private(set) var liveCount: [Int] = []
  /// The CLI workers (`host/tool`) whose crashed invocations start again; nil when unknown (a
  /// trace read without its scenario), and then every crashed invocation is kept.
  private let restartingCLIs: Set<String>?

  init(restartingCLIs: Set<String>? = nil) { self.restartingCLIs = restartingCLIs }
  private var workerIndex: [String: Int] = [:]

  /// Records a start; returns whether the worker had no live process before.
  @discardableResult
  mutating func started(_ process: Int, name: String, role: ProcessRole, host: String) -> Bool {
    if process > entries.count {
      let worker = self.worker(named: ProcessDirectory.workerName(name, role: role))
      _ = entries.append(Entry(name: name, role: role, host: host, worker: worker, alive: false))
    }
    guard !entries[process].alive else { return false }
    entries[process].alive = true
    liveCount[entries[process].worker] += 1
    return liveCount[entries[process].worker] == 1
  }

  /// Records an exit (`exited`) or crash; returns whether the worker has no live process left.
  /// An exited CLI invocation is forgotten, and so is a crashed one that cannot start again.
  @discardableResult
  mutating func ended(_ process: Int, exited: Bool) -> Bool {
    guard entries.contains(process), entries[process].alive else { return false }
    entries[process].alive = false
    let worker = entries[process].worker
    liveCount[worker] -= 1
    if entries[process].role == .cli, exited || restartingCLIs.map({ !$0.contains(workers[worker]) }) == true {
      entries.retire(process)
      entries.releaseRetired()
    }
    return liveCount[worker] == 0
  }

  /// How many pages of 1,024 entries are kept (for tests that count what is held).
  var pagesKept: Int { entries.pagesKept }

  /// The entry of `process`, if it started and is not forgotten.
  func entry(_ process: Int) -> Entry? { entries.contains(process) ? entries[process] : nil }

  /// The name reports use for `process`.
  func name(_ process: Int) -> String { entry(process)?.name ?? "process \(process)" }

  /// The worker of `process`, or nil before it started.
  func worker(of process: Int) -> Int? { entry(process)?.worker }

  /// A CLI invocation `host/tool#12` belongs to worker `host/tool`.
  static func workerName(_ name: String, role: ProcessRole) -> String {
    guard role == .cli, let hash = name.utf8.lastIndex(of: UInt8(ascii: "#")) else { return name }
    return String(name[..<hash])
  }

  private mutating func worker(named name: String) -> Int {
    if let index = workerIndex[name] { return index }
    workers.append(name)
    liveCount.append(0)
    workerIndex[name] = workers.count - 1
    return workers.count - 1
  }
}

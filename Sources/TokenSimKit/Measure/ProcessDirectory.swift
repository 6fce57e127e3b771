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

  private var entries = SerialTable<Entry>()
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
    let restarted = entries.modify(process) { entry -> Int? in
      guard !entry.alive else { return nil }
      entry.alive = true
      return entry.worker
    }
    switch restarted {
    case .none:
      let worker = self.worker(named: ProcessDirectory.workerName(name, role: role))
      entries[process] = Entry(name: name, role: role, host: host, worker: worker, alive: true)
      return becameLive(worker)
    case .some(.none): return false
    case .some(.some(let worker)): return becameLive(worker)
    }
  }

  /// A process of `worker` started; returns whether it is the only one alive.
  private mutating func becameLive(_ worker: Int) -> Bool {
    liveCount[worker] += 1
    return liveCount[worker] == 1
  }

  /// Records an exit (`exited`) or crash; returns whether the worker has no live process left.
  /// An exited CLI invocation is forgotten, and so is a crashed one that cannot start again.
  @discardableResult
  mutating func ended(_ process: Int, exited: Bool) -> Bool {
    let ended = entries.modify(process) { entry -> (worker: Int, cli: Bool)? in
      guard entry.alive else { return nil }
      entry.alive = false
      return (entry.worker, entry.role == .cli)
    }
    guard let (worker, cli) = ended ?? nil else { return false }
    liveCount[worker] -= 1
    if cli, exited || restartingCLIs.map({ !$0.contains(workers[worker]) }) == true { entries[process] = nil }
    return liveCount[worker] == 0
  }

  /// How many pages of entries are kept (for tests that count what is held).
  var pagesKept: Int { entries.pagesKept }

  /// The entry of `process`, if it started and is not forgotten.
  func entry(_ process: Int) -> Entry? { entries[process] }

  /// The name reports use for `process`.
  func name(_ process: Int) -> String { entries[process]?.name ?? "process \(process)" }

  /// The worker of `process`, or nil before it started.
  func worker(of process: Int) -> Int? { entries[process]?.worker }

  /// The host of `process`, or nil before it started.
  func host(of process: Int) -> String? { entries[process]?.host }

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

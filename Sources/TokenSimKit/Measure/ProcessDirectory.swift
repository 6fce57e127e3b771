/// Who each process of a trace is, learned from its `processStarted` events, and the workers the
/// reports speak of: a daemon is a worker of its own; the invocations of one CLI on one host are
/// one worker, because each lives only seconds. A CLI invocation that exited is forgotten (it never
/// comes back), and so is one that crashed when its CLI is not restarted after a crash, so the
/// directory grows with daemons and live invocations, not with time.
///
/// Workers and hosts are numbered as they first appear, so that the trackers keep arrays rather
/// than hash a name per event.
struct ProcessDirectory {
  /// One process, and the timeline's mark of it.
  ///
  /// Twelve bytes, kept for every live process (100,000 in the scale workload).
  struct Entry {
    private var workerNumber: Int32
    private var hostNumber: Int32
    var role: ProcessRole
    var alive: Bool
    /// Whether its name is its worker's and its process number (`host/tool#12`, as a simulated
    /// world names a CLI invocation), spelled again when asked for rather than kept.
    fileprivate var namedByNumber: Bool
    /// The timeline's mark (`TimelineBuilder`), kept here so that an event looks its process up once.
    var mark = ProcessMark()

    fileprivate init(worker: Int, host: Int, role: ProcessRole, namedByNumber: Bool) {
      workerNumber = Int32(worker)
      hostNumber = Int32(host)
      self.role = role
      alive = true
      self.namedByNumber = namedByNumber
    }

    /// Its worker's number (`workers`).
    var worker: Int { Int(workerNumber) }
    /// Its host's number (`hosts`).
    var host: Int { Int(hostNumber) }
  }

  private var entries = SerialTable<Entry>()
  /// The names of the processes not named by number.
  private var names = SerialTable<String>()
  private var workerNames = WorkerNames()
  /// Per CLI key, its worker's number (-1: no invocation seen yet).
  private var workerOfCLIKey: [Int] = []
  /// Live processes per worker.
  private(set) var liveCount: [Int] = []
  /// Per worker: whether its crashed CLI invocations are forgotten (its CLI is not restarted).
  private var forgetsCrashed: [Bool] = []
  /// Per worker, the host number of its latest process: an invocation on the same host is not
  /// looked up by name.
  private var hostOfWorker: [Int] = []
  /// Host names, indexed by host number.
  private(set) var hosts: [String] = []
  private var hostIndex: [String: Int] = [:]
  /// The CLI workers (`host/tool`) whose crashed invocations start again; nil when unknown (a
  /// trace read without its scenario), and then every crashed invocation is kept.
  private let restartingCLIs: Set<String>?

  init(restartingCLIs: Set<String>? = nil) { self.restartingCLIs = restartingCLIs }

  /// A process starting, as `start` found it: who it is, and its entry as `keep` will keep it.
  struct Start {
    /// Its worker's number (`workers`).
    let worker: Int
    /// Its host's number (`hosts`).
    let host: Int
    /// Whether its worker had no live process before.
    let first: Bool
    /// Whether the directory knew the process already (it starts again after a crash).
    let known: Bool
    fileprivate var entry: Entry

    /// Its mark: the one it kept when it was known, else blank.
    var mark: ProcessMark {
      get { entry.mark }
      set { entry.mark = newValue }
    }
  }

  /// Takes note of a start: numbers a new worker or host and counts the process live, but keeps
  /// nothing of it until `keep` is given the start back, with its mark as the timeline leaves it,
  /// so that the entry is written once. A CLI invocation's `cliKey` (see `TraceAnalyzer.observe`)
  /// finds its worker once the key's first invocation was looked up by name, and vouches that its
  /// name is numbered by the process.
  mutating func start(_ process: Int, name: String, role: ProcessRole, host: String, cliKey: Int? = nil) -> Start {
    if var entry = entries[process] {
      let restarted = !entry.alive
      entry.alive = true
      return Start(
        worker: entry.worker, host: entry.host, first: restarted && becameLive(entry.worker), known: true, entry: entry)
    }
    let worker = cliKey.map { cliWorker(key: $0, name: name) } ?? workerNumber(of: name, role: role)
    let latest = hostOfWorker[worker]
    let hostNumber = latest >= 0 && hosts[latest] == host ? latest : self.hostNumber(named: host)
    hostOfWorker[worker] = hostNumber
    let namedByNumber = role == .cli && (cliKey != nil || NumberedName.isNumbered(name, process))
    if !namedByNumber { names[process] = name }
    let entry = Entry(worker: worker, host: hostNumber, role: role, namedByNumber: namedByNumber)
    return Start(worker: worker, host: hostNumber, first: becameLive(worker), known: false, entry: entry)
  }

  /// Keeps the entry of `process`, which `start` gave as `start`.
  mutating func keep(_ start: Start, of process: Int) { entries[process] = start.entry }

  /// A process of `worker` started; returns whether it is the only one alive.
  private mutating func becameLive(_ worker: Int) -> Bool {
    liveCount[worker] += 1
    return liveCount[worker] == 1
  }

  /// Records an exit (`exited`) or crash of live process `process`, whose entry (just read, with
  /// its mark as the process leaves it) is `entry`. An exited CLI invocation is forgotten, and so
  /// is a crashed one that cannot start again.
  mutating func ended(_ process: Int, entry: Entry, exited: Bool) {
    let worker = entry.worker
    liveCount[worker] -= 1
    if entry.role == .cli, exited || forgetsCrashed[worker] {
      entries[process] = nil
      if !entry.namedByNumber { names[process] = nil }
    } else {
      entries.modify(process) {
        $0.alive = false
        $0.mark = entry.mark
      }
    }
  }

  /// How many pages of entries are kept (for tests that count what is held).
  var pagesKept: Int { entries.pagesKept }

  /// The entry of `process`, if it started and is not forgotten. Inlined, as `host(of:)` is: a
  /// call would copy the whole directory for the read.
  @inline(__always)
  func entry(_ process: Int) -> Entry? { entries[process] }

  /// Sets the mark of `process`, which has an entry.
  mutating func setMark(_ mark: ProcessMark, of process: Int) { entries.modify(process) { $0.mark = mark } }

  /// The name reports use for `process`.
  func name(_ process: Int) -> String {
    guard let entry = entries[process], entry.namedByNumber else { return names[process] ?? "process \(process)" }
    return NumberedName.spell(workers[entry.worker], process)
  }

  /// The host number of `process`, or nil before it started.
  @inline(__always)
  func host(of process: Int) -> Int? { entries[process]?.host }

  /// The number of host `name`, given now if it is new.
  mutating func hostNumber(named name: String) -> Int {
    if let number = hostIndex[name] { return number }
    hosts.append(name)
    hostIndex[name] = hosts.count - 1
    return hosts.count - 1
  }

  /// Worker names, indexed by worker number.
  var workers: [String] { workerNames.names }

  /// The worker of the CLI invocation `name` whose CLI has key `key`.
  private mutating func cliWorker(key: Int, name: String) -> Int {
    if key < workerOfCLIKey.count, workerOfCLIKey[key] >= 0 { return workerOfCLIKey[key] }
    let worker = workerNumber(of: name, role: .cli)
    while workerOfCLIKey.count <= key { workerOfCLIKey.append(-1) }
    workerOfCLIKey[key] = worker
    return worker
  }

  /// The worker of process `name`, numbered now if it is new.
  private mutating func workerNumber(of name: String, role: ProcessRole) -> Int {
    let (worker, isNew) = workerNames.worker(of: name, role: role)
    guard isNew else { return worker }
    liveCount.append(0)
    forgetsCrashed.append(restartingCLIs.map { !$0.contains(workers[worker]) } ?? false)
    hostOfWorker.append(-1)
    return worker
  }
}

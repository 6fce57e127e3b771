/// The world's record of one process: who it is, its strategy, and its workload in progress.
///
/// Swift lays a struct's stored properties out in the order they are declared, so the flags and
/// other one-byte fields sit together at the end instead of each padding out to eight bytes: a
/// fleet keeps one of these per live process (`tokensim bench`'s scale workload, 100,000).
struct SimProcess {
  let id: Int
  /// The number its name ends with (`World.name(of:)`): its id for a CLI invocation, its
  /// instance's for a daemon run `count` times; nil when its name is its worker's alone. The name
  /// is spelled when it is needed (at each start), not kept: a CLI invocation's is longer than a
  /// string stored inline (15 bytes), and kept in the record it was retained and released around
  /// its start and freed apart at its retirement.
  @CompactNumber private(set) var number: Int?
  let host: Int
  let template: Int
  var incarnation = 0
  var random: RandomStream
  /// Its strategy, mutated in place.
  private(set) var strategy: StrategyBox
  /// Draws for its crashes and scheduler failures.
  var crashRandom: RandomStream
  var schedulerFailuresLeft: Int
  /// Asks given to the strategy and not yet answered, with what they were for, by ask number.
  var asks: KeyedLine<OpenAsk>
  var nextAsk = 1
  /// The call whose 401 the strategy is handling, while it may still retry it.
  var rejectedCall: (ask: Int, purpose: AskPurpose)?
  /// The running work cycle: calls left; nil when none runs.
  @CompactNumber var cycleCallsLeft: Int? = nil
  var cycleEpoch = 0
  /// Calls left for a CLI invocation.
  var cliCallsLeft = 0
  /// Work items by id (in arrival order): attempts made so far.
  var items = KeyedLine<Int>()
  var nextItem = 1
  @CompactNumber var lockTicket: Int? = nil
  var refreshesInFlight = 0
  /// The token requests this incarnation still waits for, so that a crash abandons them without
  /// searching every open request of the world.
  var requestsOpen = OrderedNumbers()
  var timerArmings = TimerArmings()
  /// The questions this incarnation asked and awaits an answer to, by the world's number for
  /// each: the number its strategy gave it.
  var pendingQuestions = [PendingQuestion: Int]()
  let role: ProcessRole
  var alive = false
  var crashed = false
  var restarting = false
  var askedOnce = false
  var holdsLock = false
  var writeInFlight = false
  /// A process that finished its work while a token request, store write or lock of its
  /// strategy was still under way: the exit status it leaves with once they are done.
  var exitWhenIdle: Bool?
  /// The world is performing the actions its strategy returned for one event: an exit waits
  /// until the whole list is performed, so that an alert or a store write after a denial is not
  /// lost.
  var performingActions = false
  /// A planned crash is due and waits for the moment its plan names (holding the lock, or a
  /// token request in flight).
  var crashWaiting = false
  /// Whether its credentials came from its environment: its snapshot is in `World.environments`
  /// (few processes have one, so it is kept beside the table, not in every record).
  var usesEnvironment = false

  init(
    id: Int, number: Int?, host: Int, template: Int, role: ProcessRole, random: RandomStream, strategy: StrategyBox,
    asks: KeyedLine<OpenAsk> = KeyedLine(), crashRandom: RandomStream, schedulerFailuresLeft: Int
  ) {
    self.asks = asks
    self.id = id
    self.number = number
    self.host = host
    self.template = template
    self.role = role
    self.random = random
    self.strategy = strategy
    self.crashRandom = crashRandom
    self.schedulerFailuresLeft = schedulerFailuresLeft
  }
}

extension SimProcess {
  /// Becomes the blank a retired process's slot holds from the end of the event that retired it:
  /// incarnation -1, never running, so every event still addressed to it is dropped. What it owned
  /// (lines, timers) is freed at once, while it is in the cache, but its strategy's holder
  /// and its ask line, left to `parts` for the processes to come; what is left owns nothing, so
  /// that its page is later freed without destroying it (`RetiringPages.releaseRetired(_:)`): a
  /// field added to the record that owns an object must be emptied here
  /// (`ProcessRecordResetTests` checks).
  mutating func release(into parts: inout ProcessParts) {
    incarnation = -1
    alive = false
    strategy.recycle(role: role, into: &parts.strategies)
    let asks = self.asks
    self.asks = KeyedLine()  // `asks` is the line's only reference now: emptied in place
    parts.keep(asks)
    items = KeyedLine()
    requestsOpen = OrderedNumbers()
    timerArmings = TimerArmings()
    pendingQuestions = [PendingQuestion: Int]()
  }

  /// Begins a new incarnation: the workload of the last one (asks, items, lock, timers, requests)
  /// is forgotten and the process runs. Returns what a start needs to know, read in the same
  /// access: whether it was running already, and who it is (its name's number, its template,
  /// role and host). A first start has nothing to forget:
  /// the record is as `init` left it, and every CLI invocation starts only once.
  mutating func beginIncarnation() -> (wasAlive: Bool, number: Int?, template: Int, role: ProcessRole, host: Int) {
    let wasAlive = alive
    if incarnation > 0 { forgetIncarnation() }
    incarnation += 1
    alive = true
    return (wasAlive, number, template, role, host)
  }

  /// Puts the workload fields back as `init` sets them.
  private mutating func forgetIncarnation() {
    asks = KeyedLine()
    cycleCallsLeft = nil
    restarting = false
    askedOnce = false
    items = KeyedLine()
    holdsLock = false
    lockTicket = nil
    refreshesInFlight = 0
    requestsOpen = OrderedNumbers()
    writeInFlight = false
    exitWhenIdle = nil
    performingActions = false
    timerArmings = TimerArmings()
    pendingQuestions = [PendingQuestion: Int]()
    crashed = false
  }

  /// Stops running (`crashed`, or exited): it no longer waits for or holds the store's lock.
  /// Returns, read in the same access, its host, whether it was running, and the lock ticket it
  /// waited with or whether it held the lock, which the world gives back to the host's lock.
  mutating func stopRunning(crashed: Bool) -> (host: Int, wasAlive: Bool, lockTicket: Int?, heldLock: Bool) {
    let left = (host, alive, lockTicket, holdsLock)
    alive = false
    self.crashed = crashed
    lockTicket = nil
    holdsLock = false
    return left
  }

  /// Whether its strategy has a token request, store write, lock or lock wait under way.
  var busy: Bool { refreshesInFlight > 0 || writeInFlight || holdsLock || lockTicket != nil }
}

/// A token ask the strategy has not answered yet.
struct OpenAsk {
  /// What it is for.
  let purpose: AskPurpose
  /// It is open again because the strategy retried its call after a 401 (`.retryCall`): the call
  /// it leads to is not retried a second time.
  let isRetry: Bool
}

/// What a token ask was for.
enum AskPurpose: Equatable {
  case cycle
  case item(Int)
  case cli
}

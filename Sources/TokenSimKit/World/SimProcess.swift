/// The world's record of one process: who it is, its strategy, and its workload in progress.
struct SimProcess {
  let id: Int
  let name: String
  let host: Int
  let template: Int
  let role: ProcessRole
  var incarnation = 0
  var alive = false
  var crashed = false
  var random: RandomStream
  /// Its strategy, mutated in place.
  let strategy: StrategyBox
  /// Draws for its crashes and scheduler failures.
  var crashRandom: RandomStream
  var schedulerFailuresLeft: Int
  /// Asks given to the strategy and not yet answered, with what they were for, by ask number.
  var asks = KeyedLine<AskPurpose>()
  var nextAsk = 1
  /// The running work cycle: calls left; nil when none runs.
  var cycleCallsLeft: Int?
  var cycleEpoch = 0
  var restarting = false
  /// Calls left for a CLI invocation.
  var cliCallsLeft = 0
  var askedOnce = false
  /// Work items by id (in arrival order): attempts made so far.
  var items = KeyedLine<Int>()
  var nextItem = 1
  var holdsLock = false
  var lockTicket: Int?
  var refreshesInFlight = 0
  /// The token requests this incarnation still waits for, so that a crash abandons them without
  /// searching every open request of the world.
  var requestsOpen = KeyedLine<Void>()
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
  var timerArmings = SmallMap<TimerName, Int>()
  var pendingMessages: Set<Int> = []
  /// For an environment-credential process: its snapshot.
  var environment: StoreContents?
}

extension SimProcess {
  /// Whether its strategy has a token request, store write, lock or lock wait under way.
  var busy: Bool { refreshesInFlight > 0 || writeInFlight || holdsLock || lockTicket != nil }
}

/// What a token ask was for.
enum AskPurpose: Equatable {
  case cycle
  case item(Int)
  case cli
}

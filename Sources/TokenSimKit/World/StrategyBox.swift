/// Holds a process's strategy so that it is mutated in place, in one allocation: the strategy's
/// own type is stored in a generic holder, where an `any RefreshStrategy` in a box would take
/// two (the box, and the existential's out-of-line copy of a strategy larger than three words),
/// 64 bytes more a process.
struct StrategyBox {
  /// Nil once its process was released (`SimProcess.release`).
  private var holder: StrategyHolder?

  /// Holds a fresh copy of the strategy `prototypes` keeps for `role` (made on the role's first
  /// process): copied as its own type, with no existential opened or cast, into the holder a
  /// retired process of the role left (`recycle`) when there is one.
  init(_ role: ProcessRole, prototypes: inout StrategyPrototypes) {
    holder = prototypes.freshHolder(for: role)
  }

  /// Leaves its holder to `prototypes`, for the next process of `role` (its own), and holds
  /// none. A holder also referenced elsewhere (a copy of the record still alive) is not reused.
  mutating func recycle(role: ProcessRole, into prototypes: inout StrategyPrototypes) {
    guard var held = holder else { return }
    holder = nil
    if isKnownUniquelyReferenced(&held) { prototypes.keep(held, for: role) }
  }

  /// Holds no strategy, as a released process does (tests build records with it).
  init() { holder = nil }

  /// Whether it holds a strategy: false once its process was released.
  var holdsStrategy: Bool { holder != nil }

  /// A copy of the strategy as it is now, for inspection (tests look into a broker's state).
  var strategy: any RefreshStrategy { holder!.held }

  /// Gives `event` to the strategy, which changes in place and appends its answer to `actions`.
  func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    holder!.handle(event, context: &context, actions: &actions)
  }
}

/// The strategy every process of a role starts with. A strategy maker that hands out copies of
/// one value per role (`StrategyChoice.makeStrategy`, `oncePerRole`) is asked once, on the
/// role's first process, and what it returned is kept in a holder of its own type. Any other
/// maker (a closure given to `World` or `Simulation`, which may return a class, or a different
/// value each time) is asked for every process, as its caller was promised.
/// A process's strategy is a typed copy of it (`StrategyBox.init(_:prototypes:)`), made in the
/// holder a retired process of the role left (`StrategyBox.recycle`), so that a CLI invocation
/// neither allocates nor frees one (about 250 instructions), or else in a new holder. Asking `makeStrategy` at every start cost a call, an existential copied and
/// destroyed, a dynamic cast (about 270 instructions) and the generic holder class looked up:
/// about 450 instructions a CLI invocation.
struct StrategyPrototypes {
  private let make: (ProcessRole) -> any RefreshStrategy
  /// Whether `make` hands out copies of one value per role, so that it is asked once per role.
  private let oncePerRole: Bool
  /// Per role (by `index`), its prototype once made.
  private var holders: [StrategyHolder?] = Array(repeating: nil, count: ProcessRole.allCases.count)
  /// Per role, the holders retired processes left, at most `sparesKept`.
  private var spares: [[StrategyHolder]] = Array(repeating: [], count: ProcessRole.allCases.count)
  private static var sparesKept: Int { 64 }

  /// Strategies from `make`: asked once per role when `oncePerRole` (its values are copies of
  /// one per role), for every process otherwise.
  init(_ make: @escaping (ProcessRole) -> any RefreshStrategy, oncePerRole: Bool) {
    self.make = make
    self.oncePerRole = oncePerRole
  }

  /// A holder of a fresh copy of `role`'s prototype: a spare one if any is left. Without
  /// `oncePerRole`, a holder of what `make` returns now.
  fileprivate mutating func freshHolder(for role: ProcessRole) -> StrategyHolder {
    guard oncePerRole else { return Self.holder(of: make(role)) }
    let prototype = holder(for: role)
    guard let spare = spares[role.index].popLast() else { return prototype.copy() }
    spare.reset(to: prototype)
    return spare
  }

  /// Keeps `holder`, of a retired process of `role` and referenced nowhere else, for reuse.
  fileprivate mutating func keep(_ holder: StrategyHolder, for role: ProcessRole) {
    if oncePerRole, spares[role.index].count < Self.sparesKept { spares[role.index].append(holder) }
  }

  /// The prototype of `role`, made now if it is the role's first process.
  private mutating func holder(for role: ProcessRole) -> StrategyHolder {
    let index = role.index
    if let holder = holders[index] { return holder }
    let holder = Self.holder(of: make(role))
    holders[index] = holder
    return holder
  }

  /// A holder of `strategy`'s own type: the existential is opened, once per role. A strategy
  /// that resets in place gets a holder that resets it so.
  private static func holder<Strategy: RefreshStrategy>(of strategy: Strategy) -> StrategyHolder {
    if let resettable = strategy as? any InPlaceResettable { return resettingHolder(of: resettable) }
    return TypedStrategyHolder(strategy)
  }

  private static func resettingHolder<Strategy: InPlaceResettable>(of strategy: Strategy) -> StrategyHolder {
    ResettingStrategyHolder(strategy)
  }
}

/// A strategy that can put itself back as it was made, in place, keeping the buffers it
/// allocated: a reused holder's strategy (`StrategyPrototypes.freshHolder`) is reset this way
/// when that makes it equal to the role's prototype, where assigning the prototype freed them and
/// the new process allocated them again.
protocol InPlaceResettable: RefreshStrategy {
  /// Whether `resetAsMade()` makes it equal to `prototype`.
  func resetsAsMade(like prototype: Self) -> Bool
  /// Puts itself back as it was made, keeping its buffers.
  mutating func resetAsMade()
}

/// The built-in strategies that are their engine and nothing else (each has `engine` as its only
/// stored property): resetting the engine resets all of it. A stored property added to one of
/// them must be reset here too, or its conformance removed.
extension InPlaceResettable where Self: EngineStrategy {
  func resetsAsMade(like prototype: Self) -> Bool { engine.resetsAsMade(like: prototype.engine) }
  mutating func resetAsMade() { engine.resetAsMade() }
}

extension NaiveStrategy: InPlaceResettable {}
extension RereadFromDiskStrategy: InPlaceResettable {}
extension LeaseSharedStrategy: InPlaceResettable {}
extension SingleFlightStrategy: InPlaceResettable {}
extension AdvisoryMandatoryStrategy: InPlaceResettable {}
extension LockOnWriteStrategy: InPlaceResettable {}
extension LockWholeRefreshStrategy: InPlaceResettable {}

extension ProcessRole {
  /// Its place in `allCases`, without searching it.
  fileprivate var index: Int {
    switch self {
    case .daemon: 0
    case .cli: 1
    case .broker: 2
    }
  }
}

/// A strategy held by reference, whatever its type.
private class StrategyHolder {
  var held: any RefreshStrategy {
    preconditionFailure("StrategyHolder is abstract: TypedStrategyHolder holds a strategy")
  }

  /// A new holder of a copy of its strategy.
  func copy() -> StrategyHolder {
    preconditionFailure("StrategyHolder is abstract: TypedStrategyHolder holds a strategy")
  }

  /// Holds a copy of `prototype`'s strategy, of the same type, in place of its own.
  func reset(to prototype: StrategyHolder) {
    preconditionFailure("StrategyHolder is abstract: TypedStrategyHolder holds a strategy")
  }

  func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    preconditionFailure("StrategyHolder is abstract: TypedStrategyHolder holds a strategy")
  }
}

/// A strategy of one type, stored in the holder itself.
private class TypedStrategyHolder<Strategy: RefreshStrategy>: StrategyHolder {
  final var strategy: Strategy

  init(_ strategy: Strategy) { self.strategy = strategy }

  override var held: any RefreshStrategy { strategy }

  override func copy() -> StrategyHolder { TypedStrategyHolder(strategy) }

  /// A role's spare holders are all of its prototype's type (checked in debug builds).
  override func reset(to prototype: StrategyHolder) {
    strategy = unsafeDowncast(prototype, to: TypedStrategyHolder<Strategy>.self).strategy
  }

  final override func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    strategy.handle(event, context: &context, actions: &actions)
  }
}

/// A strategy of one type that resets in place (`InPlaceResettable`).
private final class ResettingStrategyHolder<Strategy: InPlaceResettable>: TypedStrategyHolder<Strategy> {
  override func copy() -> StrategyHolder { ResettingStrategyHolder(strategy) }

  /// A role's spare holders are all of its prototype's type (checked in debug builds).
  override func reset(to prototype: StrategyHolder) {
    let prototype = unsafeDowncast(prototype, to: TypedStrategyHolder<Strategy>.self)
    // The prototype is only read, before the strategy is changed: passed to a mutating method of
    // the strategy, it was copied and destroyed (about 200 instructions), as it might be the same.
    if strategy.resetsAsMade(like: prototype.strategy) { strategy.resetAsMade() } else { strategy = prototype.strategy }
  }
}

/// Holds a process's strategy so that it is mutated in place, in one allocation: the strategy's
/// own type is stored in a generic holder, where an `any RefreshStrategy` in a box would take
/// two (the box, and the existential's out-of-line copy of a strategy larger than three words),
/// 64 bytes more a process.
struct StrategyBox {
  /// Nil once its process was released (`SimProcess.release`).
  private let holder: StrategyHolder?

  /// Holds a copy of `strategy`, which is only borrowed: the strategies a `StrategyChoice` makes
  /// share one prototype's existential box, and an existential taken as an owned argument is
  /// opened for mutation, which first copies a shared box into a fresh one (a copy of the strategy
  /// and an allocation, freed at once) before the holder copies the strategy again. The holder's
  /// class comes from `holders`, which knows it for every strategy type met before.
  init(_ strategy: borrowing any RefreshStrategy, holders: inout StrategyHolderClasses) {
    holder = holders.holderClass(for: strategy).init(copying: strategy)
  }

  /// Holds no strategy: a released process's, which is never given an event.
  init() { holder = nil }

  /// A copy of the strategy as it is now, for inspection (tests look into a broker's state).
  var strategy: any RefreshStrategy { holder!.held }

  /// Gives `event` to the strategy, which changes in place and appends its answer to `actions`.
  func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    holder!.handle(event, context: &context, actions: &actions)
  }
}

/// The holder class of each strategy type a world has met. Naming `TypedStrategyHolder<S>` for a
/// type only known at run time looks its metadata up in the runtime's generic cache (hashing and
/// locking, about 330 instructions at every process's creation); a class found here is
/// instantiated directly. A world meets one or two strategy types, searched linearly.
struct StrategyHolderClasses {
  private var known: [(strategy: ObjectIdentifier, holder: StrategyHolder.Type)] = []

  /// The holder class for `strategy`'s type. The existential is opened, not asked its dynamic
  /// type (`type(of:)` calls the runtime, which looks for a class inside).
  fileprivate mutating func holderClass(for strategy: borrowing any RefreshStrategy) -> StrategyHolder.Type {
    holderClass(of: strategy)
  }

  private mutating func holderClass<Strategy: RefreshStrategy>(of _: borrowing Strategy) -> StrategyHolder.Type {
    let type = ObjectIdentifier(Strategy.self)
    for index in known.indices where known[index].strategy == type { return known[index].holder }
    known.append((type, TypedStrategyHolder<Strategy>.self))
    return known[known.count - 1].holder
  }
}

/// A strategy held by reference, whatever its type.
private class StrategyHolder {
  /// Holds a copy of `strategy`, which must be of the holder's strategy type.
  required init(copying strategy: borrowing any RefreshStrategy) {}

  var held: any RefreshStrategy {
    preconditionFailure("StrategyHolder is abstract: TypedStrategyHolder holds a strategy")
  }

  func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    preconditionFailure("StrategyHolder is abstract: TypedStrategyHolder holds a strategy")
  }
}

/// A strategy of one type, stored in the holder itself.
private final class TypedStrategyHolder<Strategy: RefreshStrategy>: StrategyHolder {
  var strategy: Strategy

  required init(copying strategy: borrowing any RefreshStrategy) {
    self.strategy = Self.cast(strategy)
    super.init(copying: strategy)
  }

  /// `strategy`, of this holder's type (`StrategyHolderClasses` found the class by it). It is cast
  /// opened: from an existential, the runtime checks the cast's conformances (about 400
  /// instructions); between two equal types, it only copies.
  private static func cast<Other: RefreshStrategy>(_ strategy: Other) -> Strategy {
    strategy as! Strategy
  }

  override var held: any RefreshStrategy { strategy }

  override func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    strategy.handle(event, context: &context, actions: &actions)
  }
}

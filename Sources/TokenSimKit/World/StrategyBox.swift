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
  /// and an allocation, freed at once) before the holder copies the strategy again.
  init(_ strategy: borrowing any RefreshStrategy) { holder = Self.hold(strategy) }

  /// Holds no strategy: a released process's, which is never given an event.
  init() { holder = nil }

  private static func hold<Strategy: RefreshStrategy>(_ strategy: borrowing Strategy) -> StrategyHolder {
    TypedStrategyHolder(copy strategy)
  }

  /// A copy of the strategy as it is now, for inspection (tests look into a broker's state).
  var strategy: any RefreshStrategy { holder!.held }

  /// Gives `event` to the strategy, which changes in place and appends its answer to `actions`.
  func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    holder!.handle(event, context: &context, actions: &actions)
  }
}

/// A strategy held by reference, whatever its type.
private class StrategyHolder {
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

  init(_ strategy: Strategy) { self.strategy = strategy }

  override var held: any RefreshStrategy { strategy }

  override func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    strategy.handle(event, context: &context, actions: &actions)
  }
}

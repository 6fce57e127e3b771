/// Holds a process's strategy so that it is mutated in place, in one allocation: the strategy's
/// own type is stored in a generic holder, where an `any RefreshStrategy` in a box would take
/// two (the box, and the existential's out-of-line copy of a strategy larger than three words),
/// 64 bytes more a process.
struct StrategyBox {
  private let holder: StrategyHolder

  init(_ strategy: any RefreshStrategy) { holder = Self.hold(strategy) }

  private static func hold<Strategy: RefreshStrategy>(_ strategy: Strategy) -> StrategyHolder {
    TypedStrategyHolder(strategy)
  }

  /// A copy of the strategy as it is now, for inspection (tests look into a broker's state).
  var strategy: any RefreshStrategy { holder.held }

  /// Gives `event` to the strategy, which changes in place and appends its answer to `actions`.
  func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    holder.handle(event, context: &context, actions: &actions)
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

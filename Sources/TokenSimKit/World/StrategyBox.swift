/// Holds a process's strategy so that it is mutated in place, in one allocation: the strategy's
/// own type is stored in a generic holder, where an `any RefreshStrategy` in a box would take
/// two (the box, and the existential's out-of-line copy of a strategy larger than three words),
/// 64 bytes more a process.
struct StrategyBox {
  /// Nil once its process was released (`SimProcess.release`).
  private let holder: StrategyHolder?

  /// Holds a fresh copy of the strategy `prototypes` keeps for `role` (made on the role's first
  /// process): copied as its own type, with no existential opened or cast.
  init(_ role: ProcessRole, prototypes: inout StrategyPrototypes) {
    holder = prototypes.holder(for: role).copy()
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

/// The strategy every process of a role starts with: what the world's `makeStrategy` returned
/// for the role, asked once, on the role's first process, and kept in a holder of its own type.
/// A process's strategy is a copy of it (`StrategyBox.init(_:prototypes:)`), one allocation and
/// a typed copy. Asking `makeStrategy` at every start cost a call, an existential copied and
/// destroyed, a dynamic cast (about 270 instructions) and the generic holder class looked up:
/// about 450 instructions a CLI invocation. Sound because a strategy maker returns equal values
/// for a role (`StrategyChoice.makeStrategy` hands out copies of one prototype per role; the
/// world's initializer says it is asked once per role).
struct StrategyPrototypes {
  private let make: (ProcessRole) -> any RefreshStrategy
  /// Per role (by `index`), its prototype once made.
  private var holders: [StrategyHolder?] = Array(repeating: nil, count: ProcessRole.allCases.count)

  /// Prototypes from `make`, asked on demand.
  init(_ make: @escaping (ProcessRole) -> any RefreshStrategy) { self.make = make }

  /// The prototype of `role`, made now if it is the role's first process.
  fileprivate mutating func holder(for role: ProcessRole) -> StrategyHolder {
    let index = role.index
    if let holder = holders[index] { return holder }
    let holder = Self.holder(of: make(role))
    holders[index] = holder
    return holder
  }

  /// A holder of `strategy`'s own type: the existential is opened, once per role.
  private static func holder<Strategy: RefreshStrategy>(of strategy: Strategy) -> StrategyHolder {
    TypedStrategyHolder(strategy)
  }
}

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

  func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    preconditionFailure("StrategyHolder is abstract: TypedStrategyHolder holds a strategy")
  }
}

/// A strategy of one type, stored in the holder itself.
private final class TypedStrategyHolder<Strategy: RefreshStrategy>: StrategyHolder {
  var strategy: Strategy

  init(_ strategy: Strategy) { self.strategy = strategy }

  override var held: any RefreshStrategy { strategy }

  override func copy() -> StrategyHolder { TypedStrategyHolder(strategy) }

  override func handle(_ event: StrategyEvent, context: inout StrategyContext, actions: inout [StrategyAction]) {
    strategy.handle(event, context: &context, actions: &actions)
  }
}

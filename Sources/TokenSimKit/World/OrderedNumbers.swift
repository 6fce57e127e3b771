/// Numbers kept in increasing order, nearly always none or one: the smallest is kept inline and
/// only the others in a `KeyedLine`, so the usual single number costs no line insertion and
/// removal (about 140–190 instructions) and no buffer. The one home of that structure for a
/// process's waiting calls (`WaitingCalls`) and its open token requests (`SimProcess.requestsOpen`).
struct OrderedNumbers: Equatable {
  /// The smallest number, when it is the only one or smaller than every number in `later`, in
  /// eight bytes (every process holds two of these; `CompactRecordTests` pins the sizes).
  @CompactNumber private var first: Int? = nil
  /// The numbers after `first`, in increasing order.
  private var later = KeyedLine<Void>()

  /// Whether no number is kept.
  var isEmpty: Bool { first == nil && later.isEmpty }

  /// How many numbers are kept.
  var count: Int { (first == nil ? 0 : 1) + later.count }

  /// Keeps `number` (a number kept already stays once).
  mutating func add(_ number: Int) {
    guard let smallest = first else {
      if later.isEmpty { first = number } else { later[number] = () }
      return
    }
    guard number != smallest else { return }
    guard number < smallest else {
      later[number] = ()
      return
    }
    // Smaller than the inline one (a number out of turn): it takes the slot, the other the line.
    later[smallest] = ()
    first = number
  }

  /// Forgets `number`; nothing happens when it is not kept.
  mutating func remove(_ number: Int) {
    if first == number {
      first = nil
    } else if !later.isEmpty {
      later.removeValue(forKey: number)
    }
  }

  /// Forgets every number, keeping the line's buffer.
  mutating func removeAll() {
    first = nil
    if !later.isEmpty { later.removeAll() }
  }

  /// Calls `body` with every number in increasing order, then forgets them all (keeping the line's
  /// buffer).
  mutating func takeAll(_ body: (Int) -> Void) {
    if let smallest = first {
      body(smallest)
      first = nil
    }
    guard !later.isEmpty else { return }
    later.forEachKey(body)
    later.removeAll()
  }

  /// Every number, in increasing order.
  var all: [Int] {
    var all = first.map { [$0] } ?? []
    later.forEachKey { all.append($0) }
    return all
  }

  static func == (lhs: OrderedNumbers, rhs: OrderedNumbers) -> Bool { lhs.all == rhs.all }
}

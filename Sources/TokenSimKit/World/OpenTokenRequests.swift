/// The token requests one incarnation of a process still waits for, so that a crash abandons
/// them without searching every request in flight in the world (issue 19: no per-event work that
/// grows with what is pending).
///
/// A process nearly always has none or one: the first is kept inline, so a CLI invocation's
/// single refresh allocates no line and costs no line insertion and removal (about 190
/// instructions a request with a `KeyedLine` alone); any later ones wait in a line.
struct OpenTokenRequests {
  @CompactNumber private var first: Int? = nil
  private var others = KeyedLine<Void>()

  /// Whether no request is open.
  var isEmpty: Bool { first == nil && others.isEmpty }

  /// `request` is sent.
  mutating func insert(_ request: Int) {
    if first == nil, others.isEmpty {
      first = request
    } else {
      others.append(request, ())
    }
  }

  /// `request` is no longer waited for; nothing happens when it was not open.
  mutating func remove(_ request: Int) {
    if first == request {
      first = nil
    } else if !others.isEmpty {
      _ = others.removeValue(forKey: request)
    }
  }

  /// Every open request, in the order they were sent; none is open afterwards.
  mutating func removeAll() -> [Int] {
    var all: [Int] = []
    if let first { all.append(first) }
    others.forEachKey { all.append($0) }
    self = OpenTokenRequests()
    return all
  }
}

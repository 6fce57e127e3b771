/// Values keyed by serial number (a process id, a token request id), for the state the analysis
/// keeps while a process or request is of interest. A simulated world numbers its processes and
/// requests 1, 2, 3, … as it creates them (a CLI invocation gets a new process id each time), so
/// numbers up to one page past the highest seen are kept in pages of 1,024 slots, found with a
/// shift and no hashing; any other number (a trace from elsewhere: a live server, a hand-written
/// file) falls back to a dictionary, so every number is answered correctly.
///
/// A page is freed once it holds no value and a later page is in use: memory follows the values
/// kept, not how many numbers were ever used (a month of CLI invocations).
struct SerialTable<Value> {
  private static var pageShift: Int { 10 }
  private static var pageSize: Int { 1 << pageShift }

  /// Page `p` holds numbers `p * 1,024 + 1 ... (p + 1) * 1,024`; empty when freed or not needed
  /// yet.
  private var pages: [[Value?]] = []
  /// Values per page.
  private var used: [Int] = []
  /// Values whose numbers lie beyond the pages' reach.
  private var others: [Int: Value] = [:]
  /// How many values are kept.
  private(set) var count = 0

  /// The page of `number`, when it is within reach: an existing page or the next one.
  private func page(of number: Int) -> Int? {
    guard number >= 1 else { return nil }
    let page = (number - 1) >> Self.pageShift
    return page <= pages.count ? page : nil
  }

  private static func slot(of number: Int) -> Int { (number - 1) & (pageSize - 1) }

  /// The value of `number`, if any; setting nil removes it (written only when there is something
  /// to change).
  subscript(number: Int) -> Value? {
    get {
      guard let page = page(of: number) else { return others.isEmpty ? nil : others[number] }
      return page < pages.count && !pages[page].isEmpty ? pages[page][Self.slot(of: number)] : nil
    }
    set {
      guard let page = page(of: number) else {
        // Removing from an empty dictionary (a process that never had a value ending) hashes nothing.
        guard newValue != nil || !others.isEmpty else { return }
        count += (newValue != nil ? 1 : 0) - (others[number] != nil ? 1 : 0)
        others[number] = newValue
        return
      }
      let slot = Self.slot(of: number)
      let has = newValue != nil
      let had: Bool
      if page < pages.count && !pages[page].isEmpty {
        // One access to the slot: the old value is swapped out rather than read and then written
        // (measured cheaper even for removing what is not there, which writes nil over nil).
        var old = newValue
        swap(&old, &pages[page][slot])
        had = old != nil
      } else {
        guard has else { return }
        ensure(page)
        pages[page][slot] = newValue
        had = false
      }
      guard had != has else { return }
      let change = has ? 1 : -1
      used[page] += change
      count += change
      if used[page] == 0, page + 1 < pages.count { pages[page] = [] }
    }
  }

  /// `body` applied in place to the value of `number`; nil, and `body` not called, when there is none.
  mutating func modify<Result>(_ number: Int, _ body: (inout Value) -> Result) -> Result? {
    guard let page = page(of: number) else {
      guard !others.isEmpty, others[number] != nil else { return nil }
      return body(&others[number]!)
    }
    let slot = Self.slot(of: number)
    guard page < pages.count, !pages[page].isEmpty, pages[page][slot] != nil else { return nil }
    return body(&pages[page][slot]!)
  }

  /// `body` applied in place to the value of `number`, which is first set to `initial` when it
  /// has none (a dictionary's `[key, default:]`).
  mutating func modify<Result>(
    _ number: Int, default initial: @autoclosure () -> Value, _ body: (inout Value) -> Result
  ) -> Result {
    if let result = modify(number, body) { return result }
    self[number] = initial()
    return modify(number, body)!
  }

  /// Every number with a value, in increasing order.
  var numbers: [Int] {
    var numbers = Array(others.keys)
    for (page, slots) in pages.enumerated() {
      for slot in slots.indices where slots[slot] != nil { numbers.append(page << Self.pageShift + slot + 1) }
    }
    return numbers.sorted()
  }

  /// How many pages are kept (for tests that count what is held).
  var pagesKept: Int { pages.count { !$0.isEmpty } }

  /// Makes page `page`, at most one past the last, exist.
  private mutating func ensure(_ page: Int) {
    if page == pages.count { grow() }
    if pages[page].isEmpty { pages[page] = Array(repeating: nil, count: Self.pageSize) }
  }

  /// Adds a page: frees the last one if it is empty, and takes in from `others` the values of the
  /// numbers now within reach.
  private mutating func grow() {
    if let last = used.last, last == 0 { pages[pages.count - 1] = [] }
    pages.append([])
    used.append(0)
    guard !others.isEmpty else { return }
    for number in others.keys.sorted() where page(of: number) == pages.count {
      let value = others.removeValue(forKey: number)
      count -= 1
      self[number] = value
    }
  }
}

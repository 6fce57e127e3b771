/// Values keyed by serial number (a process id, a token request id), for the state the analysis
/// keeps while a process or request is of interest. A simulated world numbers its processes and
/// requests 1, 2, 3, … as it creates them (a CLI invocation gets a new process id each time), so
/// numbers up to 64 pages past the last page are kept in pages of 1,024 slots, found with a shift
/// and no hashing (a table holding the few processes that did something, such as those that sent
/// a token request, skips pages of numbers); any other number (a trace from elsewhere: a live
/// server, a hand-written file) falls back to a dictionary, so every number is answered correctly.
///
/// A page is given up once it holds no value and a later page is in use, and its slots serve the
/// next page needed: memory follows the values kept at once, not how many numbers were ever used
/// (a month of CLI invocations). The pages lie side by side in one flat array, so that a write
/// checks one buffer's uniqueness (copy-on-write stays correct) rather than a page's and the
/// page list's.
struct SerialTable<Value> {
  private static var pageShift: Int { 10 }
  private static var pageSize: Int { 1 << pageShift }
  /// How many pages past the last a number may lie and still be kept in a page: a page with no
  /// slots costs the 16 bytes of its `Page`.
  private static var reach: Int { 64 }

  /// Where a page's slots lie in `slots`, and how many values it holds.
  private struct Page {
    /// The first of its slots in `slots`; -1 when it has none (given up, or not needed yet).
    var start = -1
    var used = 0
  }

  /// Page `p` holds numbers `p * 1,024 + 1 ... (p + 1) * 1,024`.
  private var pages: [Page] = []
  /// The slots of the pages in use, and of pages given up, which wait in `spare` to be used again.
  private var slots: [Value?] = []
  /// Where the slots of each page given up start (all of them nil).
  private var spare: [Int] = []
  /// Values whose numbers lie beyond the pages' reach (never one within it).
  private var others: [Int: Value] = [:]
  /// How many values are kept.
  private(set) var count = 0
  #if DEBUG
    /// How many numbers of `others` the walks that take numbers in have looked at (for tests that
    /// count the work; debug builds only, so that a release table is no larger).
    private(set) var numbersTakenInLookedAt = 0
  #endif

  /// The page of `number`, when it is within reach: an existing page or one of the next `reach`.
  private func page(of number: Int) -> Int? {
    guard number >= 1 else { return nil }
    let page = (number - 1) >> Self.pageShift
    return page < pages.count + Self.reach ? page : nil
  }

  /// `number`'s place in its page.
  private static func slot(of number: Int) -> Int { (number - 1) & (pageSize - 1) }

  /// Where `number`'s slot lies in `slots`, when its page has slots.
  private func slotIndex(of number: Int) -> Int? {
    guard number >= 1 else { return nil }
    let page = (number - 1) >> Self.pageShift
    guard page < pages.count else { return nil }
    let start = pages[page].start
    return start < 0 ? nil : start + Self.slot(of: number)
  }

  /// The value of `number`, if any; setting nil removes it (written only when there is something
  /// to change).
  subscript(number: Int) -> Value? {
    // Read on nearly every trace event: the slot is found in place, the dictionary out of line.
    @inline(__always) get {
      if let index = slotIndex(of: number) { return slots[index] }
      // A number within reach whose page has no slots has no value: `others` holds none of them.
      return others.isEmpty ? nil : other(number)
    }
    set {
      guard let page = page(of: number) else {
        // Removing from an empty dictionary (a process that never had a value ending) hashes nothing.
        guard newValue != nil || !others.isEmpty else { return }
        return setOther(number, newValue)
      }
      let has = newValue != nil
      let had: Bool
      if let index = slotIndex(of: number) {
        // One access to the slot: the old value is swapped out rather than read and then written
        // (measured cheaper even for removing what is not there, which writes nil over nil).
        var old = newValue
        swap(&old, &slots[index])
        had = old != nil
      } else {
        guard has else { return }
        slots[ensure(page) + Self.slot(of: number)] = newValue
        had = false
      }
      guard had != has else { return }
      let change = has ? 1 : -1
      pages[page].used += change
      count += change
      if pages[page].used == 0, page + 1 < pages.count { giveUp(page) }
    }
  }

  /// The value of `number`, beyond the pages' reach.
  @inline(never)
  private func other(_ number: Int) -> Value? { others[number] }

  /// Removes the value of `number`, if any: nothing to do, and no call, when the table is empty
  /// (a process that ends with nothing kept for it in a table that keeps nothing).
  @inline(__always)
  mutating func remove(_ number: Int) {
    guard count > 0 else { return }
    self[number] = nil
  }

  /// Sets the value of `number`, beyond the pages' reach.
  private mutating func setOther(_ number: Int, _ newValue: Value?) {
    count += (newValue != nil ? 1 : 0) - (others[number] != nil ? 1 : 0)
    others[number] = newValue
  }

  /// `body` applied in place to the value of `number`; nil, and `body` not called, when there is none.
  /// Inlined as a read is: the slot is changed where the caller is, the dictionary out of line.
  @inline(__always)
  mutating func modify<Result>(_ number: Int, _ body: (inout Value) -> Result) -> Result? {
    guard let index = slotIndex(of: number) else { return others.isEmpty ? nil : modifyOther(number, body) }
    guard slots[index] != nil else { return nil }
    return body(&slots[index]!)
  }

  /// `modify` for a number beyond the pages' reach.
  @inline(never)
  private mutating func modifyOther<Result>(_ number: Int, _ body: (inout Value) -> Result) -> Result? {
    guard others[number] != nil else { return nil }
    return body(&others[number]!)
  }

  /// `body` applied in place to the value of `number`, which is first set to `initial` when it
  /// has none (a dictionary's `[key, default:]`). Inlined as `modify` is: a number that has a
  /// value (a work loop restarting again) is changed where the caller is.
  @inline(__always)
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
    for (page, kept) in pages.enumerated() where kept.start >= 0 {
      for slot in 0..<Self.pageSize where slots[kept.start + slot] != nil {
        numbers.append(page << Self.pageShift + slot + 1)
      }
    }
    return numbers.sorted()
  }

  /// How many pages have slots (for tests that count what is held).
  var pagesKept: Int { pages.count { $0.start >= 0 } }

  /// How many pages' slots exist, in use or spare (for tests that count what is held).
  var pagesAllocated: Int { slots.count >> Self.pageShift }

  /// Makes page `page`, within reach, exist with slots; returns where they start.
  private mutating func ensure(_ page: Int) -> Int {
    if page >= pages.count { grow(through: page) }
    return ensureSlots(page)
  }

  /// Gives page `page`, which exists, its slots if it has none; returns where they start.
  private mutating func ensureSlots(_ page: Int) -> Int {
    if pages[page].start < 0 {
      if let start = spare.popLast() {
        pages[page].start = start
      } else {
        pages[page].start = slots.count
        slots.append(contentsOf: repeatElement(nil, count: Self.pageSize))
      }
    }
    return pages[page].start
  }

  /// Gives up the slots of page `page`, which holds no value, for the next page needed.
  private mutating func giveUp(_ page: Int) {
    spare.append(pages[page].start)
    pages[page].start = -1
  }

  /// Adds pages through `page` and takes in from `others` the values of the numbers now within
  /// reach.
  private mutating func grow(through page: Int) {
    addPages(through: page)
    takeInReachable()
  }

  /// Adds pages through `page`, giving up the last one first if it is empty.
  private mutating func addPages(through page: Int) {
    if let last = pages.last, last.used == 0, last.start >= 0 { giveUp(pages.count - 1) }
    pages.extend(through: page, with: Page())
  }

  /// Moves into their pages the values of `others` whose numbers are within reach. Taking one in
  /// may add pages and so bring the next within reach: the numbers are walked once, smallest
  /// first, up to the first still out of reach (reach only grows as they are taken in, and a later
  /// number lies at least as far), instead of searching the whole dictionary again for each number
  /// taken in, which was quadratic in how many came within reach one after another.
  private mutating func takeInReachable() {
    guard others.keys.contains(where: { page(of: $0) != nil }) else { return }
    for number in others.keys.sorted() where number >= 1 {
      #if DEBUG
        numbersTakenInLookedAt += 1
      #endif
      guard let page = page(of: number), let value = others.removeValue(forKey: number) else { break }
      if page >= pages.count { addPages(through: page) }
      slots[ensureSlots(page) + Self.slot(of: number)] = value
      pages[page].used += 1
    }
  }
}

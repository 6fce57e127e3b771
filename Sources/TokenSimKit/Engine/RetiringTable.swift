/// Elements numbered 1, 2, 3, … in the order they are added, kept in pages of 1,024. An element
/// that will never be looked at again is retired; a page is freed once all its elements are, so
/// memory follows the elements in use, not how many were ever added (a month of CLI invocations).
/// A retired element is also emptied at once (`releaseRetired(_:)`): what it owns is
/// freed while it is still in the cache, not with its page, which waits for the longest-lived of
/// its 1,024 elements (the backlog workload's invocations: about a minute later, every byte cold).
struct RetiringTable<Element> {
  private static var pageShift: Int { 10 }
  private static var pageSize: Int { 1 << pageShift }

  private var pages: [[Element]?] = []
  private var retiredInPage: [Int] = []
  private var releasable: [Int] = []
  /// Ids retired since the last `releaseRetired`.
  private var retiredLately: [Int] = []
  /// How many elements were ever added; ids run from 1 to `count`.
  private(set) var count = 0

  /// Adds `element` and returns its id. The element is consumed, moved into its page: a borrowed
  /// one would be copied in (a retain of everything it owns) and the caller's released.
  mutating func append(_ element: consuming Element) -> Int {
    if count & (Self.pageSize - 1) == 0 {
      var page: [Element] = []
      page.reserveCapacity(Self.pageSize)
      pages.append(page)
      retiredInPage.append(0)
    }
    pages[count >> Self.pageShift]!.append(element)
    count += 1
    return count
  }

  /// Whether element `id` is still kept (added, and its page not freed).
  func contains(_ id: Int) -> Bool { id >= 1 && id <= count && pages[(id - 1) >> Self.pageShift] != nil }

  /// Element `id`, which must be kept.
  subscript(id: Int) -> Element {
    _read { yield pages[(id - 1) >> Self.pageShift]![(id - 1) & (Self.pageSize - 1)] }
    _modify { yield &pages[(id - 1) >> Self.pageShift]![(id - 1) & (Self.pageSize - 1)] }
  }

  /// `body` of element `id`, which must be kept, read in place. A read through the subscript that
  /// the optimizer does not inline copies the whole element (Array's subscript yields a copy),
  /// which for a process record means retaining and releasing each of its arrays; this goes
  /// through the mutable accessor, which yields the element where it is.
  mutating func inPlace<Result>(_ id: Int, _ body: (inout Element) -> Result) -> Result {
    body(&pages[(id - 1) >> Self.pageShift]![(id - 1) & (Self.pageSize - 1)])
  }

  /// Marks element `id` as never needed again (call once per id). Its page becomes releasable
  /// when it is full and all its elements are retired; `releaseRetired` frees it.
  mutating func retire(_ id: Int) {
    let page = (id - 1) >> Self.pageShift
    retiredInPage[page] += 1
    retiredLately.append(id)
    if retiredInPage[page] == Self.pageSize { releasable.append(page) }
  }

  /// How many pages are kept (not freed).
  var pagesKept: Int { pages.count { $0 != nil } }

  /// Whether an element was retired since the last `releaseRetired(_:)`.
  var hasRetiredLately: Bool { !retiredLately.isEmpty }

  /// Frees every page whose elements are all retired.
  ///
  /// Both lists keep their buffers: they are emptied at nearly every event that retires an
  /// element, and would otherwise be allocated again at the next. `retiredLately` (one id, most
  /// often) is emptied from the end: `removeAll(keepingCapacity:)` (a general `replaceSubrange`)
  /// cost about 80 instructions a CLI invocation.
  private mutating func releaseRetired() {
    while !retiredLately.isEmpty { retiredLately.removeLast() }
    guard !releasable.isEmpty else { return }
    for page in releasable { pages[page] = nil }
    releasable.removeAll(keepingCapacity: true)
  }

  /// Calls `release` on each element retired since the last call, in place: it frees what the
  /// element owns and leaves a blank no caller mistakes for a live one (the world's has an
  /// incarnation no event carries). Then frees every page whose elements are all retired.
  ///
  /// The element is emptied where it is, not replaced by a blank copied in (a retain of everything
  /// the blank owns, and a destruction of its copy with the page), and `retiredLately` is read by
  /// index, not iterated over (an iterator holds the buffer, which is then not unique: emptying it
  /// would allocate a new one).
  mutating func releaseRetired(_ release: (inout Element) -> Void) {
    for index in retiredLately.indices { inPlace(retiredLately[index], release) }
    releaseRetired()
  }
}

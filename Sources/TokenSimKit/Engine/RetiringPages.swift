/// Elements numbered 1, 2, 3, … in the order they are added, kept in pages of 1,024. An element
/// that will never be looked at again is retired; a page is freed once all its elements are, so
/// memory follows the elements in use, not how many were ever added (a month of CLI invocations).
/// A retired element is also emptied at once (`releaseRetired(_:)`): what it owns is
/// freed while it is still in the cache, not with its page, which waits for the longest-lived of
/// its 1,024 elements (the backlog workload's invocations: about a minute later, every byte cold).
///
/// A class owning its pages, so that an element is read and changed where it is with no
/// copy-on-write check: the world holds its process table as a constant, once, and goes through
/// it several times an event (a table of arrays checked the outer array and the page for
/// uniqueness at every write, about 2 of the 8 M uniqueness checks of a 6-hour fleet). Shared
/// by reference: a holder that is copied wraps it in `RetiringTable`, which copies it on write.
final class RetiringPages<Element> {
  private static var pageShift: Int { 10 }
  private static var pageSize: Int { 1 << pageShift }

  /// Each page's elements (nil once freed); the first `count` of all pages are initialized, in
  /// the pages kept. `pageCount` pages in a buffer of `pageCapacity`: a buffer, not an array, so
  /// that a lookup, which has checked its id against `count` (and so its page against
  /// `pageCount`), reads its page with no second bounds check (the array's, about 3 instructions
  /// a lookup, paid by every read of a process record).
  private var pages: UnsafeMutablePointer<UnsafeMutablePointer<Element>?>
  private var pageCount = 0
  private var pageCapacity = 4
  private var retiredInPage: [Int] = []
  private var releasable: [Int] = []
  /// Ids retired since the last `releaseRetired`.
  private var retiredLately: [Int] = []
  /// How many elements were ever added; ids run from 1 to `count`.
  private(set) var count = 0
  /// What a failed access names for the element it wanted: the world's names the process and
  /// the time.
  var describe: (Int) -> String = { "element \($0)" }

  /// An empty table.
  init() { pages = .allocate(capacity: pageCapacity) }

  deinit {
    for page in 0..<pageCount {
      guard let elements = pages[page] else { continue }
      elements.deinitialize(count: elementsIn(page))
      elements.deallocate()
    }
    pages.deinitialize(count: pageCount)
    pages.deallocate()
  }

  /// A table of copies of the elements (retired ones included) and of the retirement records.
  func copy() -> RetiringPages {
    let copy = RetiringPages()
    for page in 0..<pageCount {
      copy.addPage()
      guard let elements = pages[page] else {
        copy.freePage(page)
        continue
      }
      copy.pages[page]!.initialize(from: elements, count: elementsIn(page))
    }
    (copy.retiredInPage, copy.releasable, copy.retiredLately) = (retiredInPage, releasable, retiredLately)
    copy.count = count
    copy.describe = describe
    return copy
  }

  /// How many elements of `page` were added.
  private func elementsIn(_ page: Int) -> Int { min(Self.pageSize, count - (page << Self.pageShift)) }

  /// Adds `element` and returns its id. The element is consumed, moved into its page: a borrowed
  /// one would be copied in (a retain of everything it owns) and the caller's released.
  func append(_ element: consuming Element) -> Int {
    var element = Optional(element)
    return append { $0.initialize(to: element.take()!) }
  }

  /// Adds the element `initialize` writes where it will be kept, and returns its id: built in
  /// place, a record the size of the world's processes (312 bytes) is not built on the stack and
  /// then copied into its page (a `memcpy`, about 60 instructions a process start).
  @inline(__always)
  func append(initializing initialize: (UnsafeMutablePointer<Element>) -> Void) -> Int {
    let offset = count & (Self.pageSize - 1)
    if offset == 0 { addPage() }
    initialize(pages[count >> Self.pageShift]! + offset)
    count += 1
    return count
  }

  /// Adds an empty page at the end, growing the page buffer when it is full.
  private func addPage() {
    if pageCount == pageCapacity {
      let grown = UnsafeMutablePointer<UnsafeMutablePointer<Element>?>.allocate(capacity: pageCapacity * 2)
      grown.moveInitialize(from: pages, count: pageCount)
      pages.deallocate()
      (pages, pageCapacity) = (grown, pageCapacity * 2)
    }
    (pages + pageCount).initialize(to: .allocate(capacity: Self.pageSize))
    pageCount += 1
    retiredInPage.append(0)
  }

  /// Frees `page`, whose elements own nothing (or were never initialized).
  private func freePage(_ page: Int) {
    pages[page]!.deallocate()
    pages[page] = nil
  }

  /// Whether element `id` is still kept (added, and its page not freed).
  func contains(_ id: Int) -> Bool { id >= 1 && id <= count && pages[(id - 1) >> Self.pageShift] != nil }

  /// Element `id`, which must be kept, read and changed in place.
  subscript(id: Int) -> Element {
    _read { yield slot(id).pointee }
    _modify { yield &slot(id).pointee }
  }

  /// `body` of element `id`, which must be kept, in place.
  func inPlace<Result>(_ id: Int, _ body: (inout Element) -> Result) -> Result { body(&slot(id).pointee) }

  /// Where element `id` is; traps, naming it, unless it is kept.
  @inline(__always)
  private func slot(_ id: Int) -> UnsafeMutablePointer<Element> {
    let index = id &- 1
    guard UInt(bitPattern: index) < UInt(bitPattern: count), let elements = pages[index >> Self.pageShift] else {
      notKept(id)
    }
    return elements + (index & (Self.pageSize - 1))
  }

  private func notKept(_ id: Int) -> Never {
    preconditionFailure("\(describe(id)) is not in the table (\(count) added, page freed or never made)")
  }

  /// Marks element `id` as never needed again (call once per id). Its page becomes releasable
  /// when it is full and all its elements are retired; `releaseRetired` frees it.
  func retire(_ id: Int) {
    let page = (id - 1) >> Self.pageShift
    retiredInPage[page] += 1
    retiredLately.append(id)
    if retiredInPage[page] == Self.pageSize { releasable.append(page) }
  }

  /// How many pages are kept (not freed).
  var pagesKept: Int { (0..<pageCount).count { pages[$0] != nil } }

  /// Whether an element was retired since the last `releaseRetired(_:)`.
  var hasRetiredLately: Bool { !retiredLately.isEmpty }

  /// Calls `release` on each element retired since the last call, in place: it frees what the
  /// element owns and leaves a blank no caller mistakes for a live one (the world's has an
  /// incarnation no event carries). Then frees every page whose elements are all retired.
  ///
  /// `release` must leave the element owning nothing (no object to release: nil references,
  /// empty collections): a page whose elements were all released is freed without destroying
  /// them one by one, which called the element's destruction for each of the 1,024, about 150
  /// instructions an element for the world's process records, to release nothing.
  ///
  /// The element is emptied where it is, not replaced by a blank copied in (a retain of everything
  /// the blank owns, and a destruction of its copy with the page), and `retiredLately` is read by
  /// index, not iterated over (an iterator holds the buffer, which is then not unique: emptying it
  /// would allocate a new one).
  func releaseRetired(_ release: (inout Element) -> Void) {
    for index in retiredLately.indices { release(&slot(retiredLately[index]).pointee) }
    releaseRetired()
  }

  /// Frees every page whose elements are all retired, and so released: they own nothing and are
  /// not destroyed (`releaseRetired(_:)`).
  ///
  /// Both lists keep their buffers: they are emptied at nearly every event that retires an
  /// element, and would otherwise be allocated again at the next. `retiredLately` (one id, most
  /// often) is emptied from the end: `removeAll(keepingCapacity:)` (a general `replaceSubrange`)
  /// cost about 80 instructions a CLI invocation.
  private func releaseRetired() {
    while !retiredLately.isEmpty { retiredLately.removeLast() }
    guard !releasable.isEmpty else { return }
    for page in releasable { freePage(page) }
    releasable.removeAll(keepingCapacity: true)
  }
}

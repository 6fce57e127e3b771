/// `RetiringPages` with value semantics, for a holder that is copied (the authorization server's
/// ledger, a public value): a copy keeps its elements when the original changes. Each change
/// checks the pages for uniqueness once and copies them when they are shared.
struct RetiringTable<Element> {
  private var pages = RetiringPages<Element>()

  /// The pages, copied first if another table shares them.
  private var unique: RetiringPages<Element> {
    mutating get {
      if !isKnownUniquelyReferenced(&pages) { pages = pages.copy() }
      return pages
    }
  }

  /// How many elements were ever added; ids run from 1 to `count`.
  var count: Int { pages.count }

  /// Adds `element` and returns its id.
  mutating func append(_ element: consuming Element) -> Int { unique.append(element) }

  /// Whether element `id` is still kept (added, and its page not freed).
  func contains(_ id: Int) -> Bool { pages.contains(id) }

  /// Element `id`, which must be kept.
  subscript(id: Int) -> Element {
    _read { yield pages[id] }
    _modify { yield &unique[id] }
  }
}

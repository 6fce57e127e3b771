/// The credentials file of one host, shared by its processes.
struct CredentialStore {
  let config: StoreConfig
  private(set) var contents: StoreContents?
  /// True while an in-place write is under way, or after a writer died in the middle of one.
  private(set) var isTorn = false

  init(config: StoreConfig) { self.config = config }

  /// What a read starting now sees.
  func read() -> StoreReadResult {
    if isTorn { return .torn }
    guard let contents, contents.credentials != nil || contents.lease != nil || contents.nextRefreshAt != nil else {
      return .empty
    }
    return .contents(store: contents)
  }

  /// A write begins; an in-place write exposes a partial file until it ends.
  mutating func beginWrite() {
    if config.writeMode == .inPlace { isTorn = true }
  }

  /// A write ends. Returns whether it replaced a newer refresh token of the same family with an
  /// older one (a lost update).
  mutating func finishWrite(_ newContents: StoreContents) -> Bool {
    let old = contents?.credentials?.refreshToken?.serial ?? 0
    let new = newContents.credentials?.refreshToken?.serial ?? .max
    contents = newContents
    isTorn = false
    return new < old
  }

  /// The writer died mid-write. An in-place write had truncated the file and written part of it:
  /// the old contents are gone and every later read sees a torn (unparseable) file until a
  /// complete write replaces it. An atomic rename never happened: the old file stays.
  mutating func abandonWrite() {
    if config.writeMode == .inPlace {
      contents = nil
      isTorn = true
    }
  }

  /// Places the session of a login.
  mutating func login(_ credentials: Credentials) { contents = StoreContents(credentials: credentials) }
}

/// What a read of a host's credential store saw: the `result` of a `storeRead` trace event. The
/// raw values are the trace's words; the contents themselves go to the strategy only.
public enum StoreReadOutcome: String, Equatable, Sendable, CaseIterable {
  /// A file with a session, a lease or a throttle in it.
  case ok
  /// No file, or a file with nothing in it.
  case empty
  /// An in-place write was half done, or its writer died in the middle of it.
  case torn

  /// The outcome of the strategy's `result`.
  init(_ result: StoreReadResult) {
    switch result {
    case .contents: self = .ok
    case .empty: self = .empty
    case .torn: self = .torn
    }
  }
}

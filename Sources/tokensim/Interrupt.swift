import Foundation

/// Ctrl-C as a flag: once `install()` ran, SIGINT no longer kills the process but sets
/// `requested`, which a run's monitor reads between batches of events to stop the run cleanly
/// (`stopped: interrupted`) and write the reports of what ran. A second Ctrl-C while the reports
/// are written still waits for them.
final class Interrupt: @unchecked Sendable {
  /// The process's one flag.
  static let shared = Interrupt()

  private let lock = NSLock()
  private var flag = false
  private var source: DispatchSourceSignal?

  /// Whether Ctrl-C was pressed since `install()`.
  var requested: Bool { lock.withLock { flag } }

  /// Catches SIGINT from now on.
  func install() {
    lock.withLock {
      guard source == nil else { return }
      signal(SIGINT, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
      source.setEventHandler { [weak self] in self?.lock.withLock { self?.flag = true } }
      source.resume()
      self.source = source
    }
  }
}

import Glibc

/// Set by the SIGINT and SIGTERM handler; the poll loop reads it after every wake-up (a signal
/// also ends `poll` early with EINTR). A signal handler may only touch such a flag.
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0

/// Ctrl-C and `kill` as a request to stop serving and write the reports.
enum StopSignal {
  /// Installs the handler for SIGINT and SIGTERM, and ignores SIGPIPE (a write to a closed
  /// connection fails with EPIPE instead of ending the process).
  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in stopRequested = 1 }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART: poll returns at once
    sigaction(SIGINT, &action, nil)
    sigaction(SIGTERM, &action, nil)
    signal(SIGPIPE, SIG_IGN)
    // A parent may have started us with these blocked (the mask is inherited across exec).
    var stopSignals = sigset_t()
    sigemptyset(&stopSignals)
    sigaddset(&stopSignals, SIGINT)
    sigaddset(&stopSignals, SIGTERM)
    sigprocmask(SIG_UNBLOCK, &stopSignals, nil)
  }

  /// Whether a stop was asked for.
  static var requested: Bool { stopRequested != 0 }
}

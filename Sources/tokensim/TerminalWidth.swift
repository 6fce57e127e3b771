import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The width text is wrapped to: `COLUMNS` when set to a number, else the terminal's width when
/// standard output is one, else 80.
enum TerminalWidth {
  /// Used when nothing says otherwise (standard output is a pipe or a file).
  static let fallback = 80
  /// Narrower than this and the tables would be mostly wrapping.
  static let minimum = 40

  /// The width for this process.
  static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
    if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return max(columns, minimum) }
    return terminalColumns().map { max($0, minimum) } ?? fallback
  }

  /// The columns of the terminal standard output is, or nil when it is not one.
  private static func terminalColumns() -> Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    #if canImport(Glibc)
      let request = UInt(TIOCGWINSZ)
    #else
      let request = TIOCGWINSZ
    #endif
    guard ioctl(STDOUT_FILENO, request, &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}

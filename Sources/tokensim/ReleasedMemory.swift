import Foundation

/// Hands the heap's free memory back to the operating system, so that a fuzz batch child's
/// resident set, which its memory limit watches, is the next run's and not what an earlier run
/// freed but the allocator kept.
enum ReleasedMemory {
  private typealias Trim = @convention(c) (Int) -> Int32

  /// glibc's `malloc_trim`, looked up at run time (the Glibc module does not export it); nil
  /// elsewhere.
  private static let trim: Trim? = {
    #if os(Linux)
      guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
      return unsafeBitCast(symbol, to: Trim.self)
    #else
      return nil
    #endif
  }()

  /// Returns what the allocator can to the system.
  static func returnToSystem() { _ = trim?(0) }
}

import Foundation

/// Runs `body` with the path (no trailing slash) of a new, empty directory in the system's
/// temporary directory, and removes the directory with everything in it afterwards, whether
/// `body` returns or throws.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) rethrows -> T {
  let path = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("tokensim-test-" + UUID().uuidString).path
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: path) }
  return try body(path)
}

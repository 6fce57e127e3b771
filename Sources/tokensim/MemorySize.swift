/// A size in bytes as written on the command line: `4GiB`, `512MiB`, `64KiB`, or bytes (`1`);
/// `KB`, `MB` and `GB` are read as the binary units too, as memory limits usually are.
enum MemorySize {
  private static let units: [(suffix: String, bytes: Int)] = [
    ("GiB", 1 << 30), ("GB", 1 << 30), ("G", 1 << 30), ("MiB", 1 << 20), ("MB", 1 << 20), ("M", 1 << 20),
    ("KiB", 1 << 10), ("KB", 1 << 10), ("K", 1 << 10), ("B", 1), ("", 1),
  ]

  /// The bytes `text` stands for, or nil when it is not a size from 1 byte to 1024 GiB.
  static func parse(_ text: String) -> Int? {
    for unit in units where text.hasSuffix(unit.suffix) {
      guard let value = Int(text.dropLast(unit.suffix.count)), value > 0, value <= (1 << 40) / unit.bytes else {
        return nil
      }
      return value * unit.bytes
    }
    return nil
  }

  /// `4 GiB`, `512 MiB`, `1,000 bytes`.
  static func text(_ bytes: Int) -> String {
    for (suffix, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= size && bytes % size == 0 {
      return "\(bytes / size) \(suffix)"
    }
    return "\(bytes) bytes"
  }
}

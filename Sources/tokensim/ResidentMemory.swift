import Foundation

/// The memory this process holds, read from the operating system (which the model library never
/// reads): the resident set on Linux (`/proc/self/statm`), the peak resident set elsewhere.
enum ResidentMemory {
  /// Resident bytes now.
  static func bytes() -> Int {
    #if os(Linux)
      let descriptor = open("/proc/self/statm", O_RDONLY)
      guard descriptor >= 0 else { return 0 }
      defer { close(descriptor) }
      var buffer = [UInt8](repeating: 0, count: 128)
      let count = read(descriptor, &buffer, buffer.count)
      guard count > 0 else { return 0 }
      let fields = String(decoding: buffer[0..<count], as: UTF8.self).split(separator: " ")
      guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
      return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    #else
      return BenchMeasurement.peakResidentBytes()
    #endif
  }
}

import Foundation

/// The machine figures were taken on: processor, cores, memory, system and build.
struct MachineDescription: Codable {
  var processor: String
  var cores: Int
  var memoryBytes: UInt64
  var system: String
  var build: String

  static func current() -> MachineDescription {
    #if DEBUG
      let build = "debug (figures are not representative: use make bench)"
    #else
      let build = "release"
    #endif
    return MachineDescription(
      processor: processorName(), cores: ProcessInfo.processInfo.activeProcessorCount,
      memoryBytes: ProcessInfo.processInfo.physicalMemory, system: ProcessInfo.processInfo.operatingSystemVersionString,
      build: build)
  }

  /// The `model name` of /proc/cpuinfo, where there is one.
  private static func processorName() -> String {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let colon = line.firstIndex(of: ":")
    else { return "unknown processor" }
    return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
  }

  /// One line for a report header.
  var line: String {
    let memory = Double(memoryBytes) / Double(1 << 30)
    return "\(processor), \(cores) cores, \(String(format: "%.0f", memory)) GiB, \(system), \(build) build"
  }
}

import Foundation

/// Runs one fuzz case in a child process (this executable, `fuzz --case FILE --strategy NAME`)
/// so that a trap or abort is seen as the child's signal instead of killing the fuzzer; a child
/// still running after `timeout` is killed and counted as a hang.
struct FuzzChild {
  /// How the child ended.
  enum Ending: Equatable {
    /// It exited with this status.
    case exited(Int32)
    /// A signal killed it (SIGILL or SIGTRAP for a Swift trap, SIGABRT for an abort).
    case signalled(Int32)
    /// It ran past the timeout and was killed.
    case timedOut
  }

  /// The child's ending, its standard output and the end of its standard error.
  struct Report {
    var ending: Ending
    var stdout: String
    var stderr: String
  }

  let executable: String
  let workDirectory: String
  let timeout: Double

  /// This executable's path, so that the fuzzer runs the very same build in its children.
  static var currentExecutable: String {
    #if os(Linux)
      if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    #endif
    return Bundle.main.executablePath ?? CommandLine.arguments[0]
  }

  /// Runs the child with `arguments`, its output in files named after `label` in the work directory.
  func run(_ arguments: [String], label: String) -> Report {
    let outPath = "\(workDirectory)/\(label).out"
    let errPath = "\(workDirectory)/\(label).err"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    defer {
      try? FileManager.default.removeItem(atPath: outPath)
      try? FileManager.default.removeItem(atPath: errPath)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    process.standardInput = FileHandle.nullDevice
    let ended = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in ended.signal() }
    do { try process.run() } catch {
      return Report(ending: .exited(127), stdout: "", stderr: "could not start \(executable): \(error)")
    }
    var ending: Ending
    if ended.wait(timeout: .now() + timeout) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      ended.wait()
      ending = .timedOut
    } else {
      ending =
        process.terminationReason == .uncaughtSignal
        ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
    }
    let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    return Report(ending: ending, stdout: stdout, stderr: String(stderr.suffix(2_000)))
  }
}

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

  /// The child's ending, its standard output and the start of its standard error.
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
    defer {
      try? FileManager.default.removeItem(atPath: outPath)
      try? FileManager.default.removeItem(atPath: errPath)
    }
    guard let pid = spawn(arguments, stdout: outPath, stderr: errPath) else {
      return Report(ending: .exited(127), stdout: "", stderr: "could not start \(executable)")
    }
    let ending = wait(for: pid)
    let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    // The runtime's message comes first, before a backtrace that can run to many pages.
    return Report(ending: ending, stdout: stdout, stderr: String(stderr.prefix(4_000)))
  }

  /// Starts the child with posix_spawn, stdin from /dev/null and its output into the two files.
  /// (Foundation's `Process` can miss a child's end when many run at once, which would hang the
  /// fuzzer; here the fuzzer reaps its own children with `waitpid`.)
  private func spawn(_ arguments: [String], stdout: String, stderr: String) -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let words = ([executable] + arguments).map { strdup($0) }
    defer { for word in words { free(word) } }
    var argv = words + [nil]
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, nil, &argv, environ)
    return status == 0 ? pid : nil
  }

  /// Waits for the child to end, killing it once `timeout` has passed.
  private func wait(for pid: pid_t) -> Ending {
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    var timedOut = false
    while waitpid(pid, &status, timedOut ? 0 : WNOHANG) == 0 {
      if Date() >= deadline {
        kill(pid, SIGKILL)
        timedOut = true
      } else {
        usleep(5_000)
      }
    }
    if timedOut { return .timedOut }
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
  }
}

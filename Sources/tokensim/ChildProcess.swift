import Foundation

/// Runs this executable again in a child process: the fuzzer's cases (`fuzz --case FILE
/// --strategy NAME`) and batches (`fuzz --seed S --batch FIRST:COUNT`), so that a trap or abort
/// is seen as the child's signal instead of killing the fuzzer, and bench's workloads (`bench
/// MANIFEST --measure NAME`), so that each one's peak memory is its own. A child that printed
/// nothing new for `timeout` seconds (a fuzz case's outcome is a line) is killed as a hang.
struct ChildProcess {
  /// How the child ended.
  enum Ending: Equatable, CustomStringConvertible {
    /// It exited with this status.
    case exited(Int32)
    /// A signal killed it (SIGILL or SIGTRAP for a Swift trap, SIGABRT for an abort).
    case signalled(Int32)
    /// It ran past the timeout and was killed.
    case timedOut
    /// Ctrl-C reached the parent, which killed it.
    case interrupted

    /// `exit 1`, `killed by signal 6`: for messages.
    var description: String {
      switch self {
      case .exited(let status): return "exit \(status)"
      case .signalled(let signal): return "killed by signal \(signal)"
      case .timedOut: return "killed after printing nothing for the timeout"
      case .interrupted: return "killed at Ctrl-C"
      }
    }
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

  /// This executable's path, so that children run the very same build.
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
    let ending = wait(for: pid, output: outPath)
    let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    // The runtime's message comes first, before a backtrace that can run to many pages.
    return Report(ending: ending, stdout: stdout, stderr: String(stderr.prefix(4_000)))
  }

  /// Starts the child with posix_spawn, stdin from /dev/null and its output into the two files.
  /// (Foundation's `Process` can miss a child's end when many run at once, which would hang the
  /// fuzzer; here the parent reaps its own children with `waitpid`.)
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
    guard status == 0 else { return nil }
    Self.niceness(of: pid, asProcess: getpid())
    return pid
  }

  /// Gives the child the parent's own niceness (`nice -n 15 tokensim fuzz`): on Linux niceness
  /// belongs to a thread, and the dispatch worker that starts a child may run at another one.
  private static func niceness(of child: pid_t, asProcess process: pid_t) {
    #if os(Linux)
      errno = 0
      let nice = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(process))
      if errno == 0 { setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(child), nice) }
    #endif
  }

  /// Waits for the child to end, killing it once `timeout` has passed since it started or last
  /// added to `output` (a batch child writes a line per case), or when Ctrl-C was pressed.
  private func wait(for pid: pid_t, output: String) -> Ending {
    var deadline = Date().addingTimeInterval(timeout)
    var written = 0
    var status: Int32 = 0
    var killed: Ending?
    while waitpid(pid, &status, killed == nil ? WNOHANG : 0) == 0 {
      let size = Self.size(of: output)
      if size != written {
        written = size
        deadline = Date().addingTimeInterval(timeout)
      }
      if Interrupt.shared.requested || Date() >= deadline {
        kill(pid, SIGKILL)
        killed = Interrupt.shared.requested ? .interrupted : .timedOut
      } else {
        usleep(2_000)
      }
    }
    if let killed { return killed }
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
  }

  private static func size(of path: String) -> Int {
    var information = stat()
    return stat(path, &information) == 0 ? Int(information.st_size) : 0
  }
}

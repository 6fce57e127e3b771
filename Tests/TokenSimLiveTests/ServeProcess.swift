import Foundation
import Glibc

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// A failure of the harness itself (no URL line, a process that will not stop), with what it saw.
struct HarnessError: Error, CustomStringConvertible {
  let description: String
}

/// A `tokensim serve` started from the built executable with `--port 0`, its base URL read from
/// the first line of its output. `stop()` sends SIGINT and waits (bounded); `deinit` kills it
/// whatever happened, so no test leaves a server behind.
final class ServeProcess {
  let process = Process()
  let directory: String
  let url: String
  let port: Int
  private let stdout = Pipe()
  private let stderr = Pipe()

  /// Starts serving `scenarioJSON` (written to a file in a new directory), with `arguments`.
  init(scenario scenarioJSON: String, arguments: [String] = []) throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokensim-serve-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try scenarioJSON.write(toFile: directory + "/scenario.json", atomically: true, encoding: .utf8)
    process.executableURL = packageRoot.appendingPathComponent(".build/debug/tokensim")
    process.arguments = ["serve", directory + "/scenario.json", "--port", "0", "--out", directory + "/out"] + arguments
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let line = try Self.firstLine(of: stdout.fileHandleForReading.fileDescriptor, within: 20)
    guard line.hasPrefix("http://"), let port = line.split(separator: ":").last.flatMap({ Int($0) }) else {
      process.terminate()
      throw HarnessError(description: "serve printed \"\(line)\" instead of its URL")
    }
    url = line
    self.port = port
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// The credentials file serve wrote.
  var credentialsFile: String { directory + "/out/credentials.json" }

  /// The reports directory.
  var outDirectory: String { directory + "/out" }

  /// Sends SIGINT and waits up to `seconds` for the exit; returns the status and what it printed.
  func stop(within seconds: Double = 20) throws -> (status: Int32, stdout: String, stderr: String) {
    if process.isRunning { process.interrupt() }
    return try waitForExit(within: seconds)
  }

  /// Waits up to `seconds` for the process to end by itself.
  func waitForExit(within seconds: Double) throws -> (status: Int32, stdout: String, stderr: String) {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning, Date() < deadline { usleep(20_000) }
    guard !process.isRunning else {
      kill(process.processIdentifier, SIGKILL)
      throw HarnessError(description: "serve did not exit within \(seconds) s")
    }
    let out = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (process.terminationStatus, out, err)
  }

  /// The first line written to `descriptor`, read byte by byte under a deadline.
  private static func firstLine(of descriptor: Int32, within seconds: Double) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var bytes: [UInt8] = []
    while Date() < deadline {
      var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&entry, 1, 100) > 0 else { continue }
      var byte: UInt8 = 0
      guard Glibc.read(descriptor, &byte, 1) == 1 else { break }
      if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
      bytes.append(byte)
    }
    throw HarnessError(
      description: "serve printed no URL line within \(seconds) s (got \"\(String(decoding: bytes, as: UTF8.self))\")")
  }

  /// Sends one request with a fresh connection and returns the response (bounded by a timeout).
  func request(_ method: String, _ path: String, body: String = "", contentType: String = "application/json") throws
    -> RawResponse
  {
    let client = try RawClient(port: port)
    try client.send(
      "\(method) \(path) HTTP/1.1\r\nHost: x\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.utf8.count)\r\n"
        + "Connection: close\r\n\r\n\(body)")
    return try client.response()
  }

  /// The trace so far, one decoded JSON object per event.
  func trace() throws -> [[String: Any]] {
    try request("GET", "/_tokensim/trace").body.split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
    }
  }

  /// The names of the trace's events, in order.
  func traceEvents() throws -> [String] { try trace().compactMap { $0["event"] as? String } }
}

/// A form body for a refresh_token grant presenting `token`.
func refreshForm(_ token: String) -> String { "grant_type=refresh_token&refresh_token=\(token)" }

/// A one-host scenario serving `server` (the JSON of a scenario's server section).
func serveScenario(server: String = "{}") -> String {
  """
  {"name": "live", "description": "serve test", "duration": "1d", "server": \(server),
   "hosts": [{"name": "laptop", "processes": [{"name": "daemon", "role": "daemon", "cycle": {"every": "1m", "apiCalls": 1}}]}]}
  """
}

/// The Python the standard-library client runs under: the system's when there is one (a version
/// manager's shim adds a process in between, which outlives a terminated client and holds its
/// pipe open), else whatever `python3` the PATH finds.
let pythonCommand: (executable: URL, arguments: [String]) = {
  let system = "/usr/bin/python3"
  if FileManager.default.isExecutableFile(atPath: system) { return (URL(fileURLWithPath: system), []) }
  return (URL(fileURLWithPath: "/usr/bin/env"), ["python3"])
}()

/// Whether python3 can be run (the Python client's tests are skipped without it).
let pythonAvailable: Bool = {
  let process = Process()
  process.executableURL = pythonCommand.executable
  process.arguments = pythonCommand.arguments + ["--version"]
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  do {
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
  } catch {
    return false
  }
}()

import Foundation
import Glibc

/// A `tokensim serve` child process on 127.0.0.1 with a free port: started from the release
/// binary, its base URL read from its first line of output, its open descriptors and resident
/// memory read from /proc, stopped with SIGINT (bounded), killed if it will not stop.
final class ServerChild {
  let process = Process()
  let port: Int
  let directory: String
  private let output = Pipe()

  /// Serves `scenario` (JSON text) with `arguments` after the scenario and port.
  init(binary: String, scenario: String, arguments: [String]) throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-bench-\(getpid())").path
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try scenario.write(toFile: directory + "/scenario.json", atomically: true, encoding: .utf8)
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["serve", directory + "/scenario.json", "--port", "0", "--out", directory + "/out"] + arguments
    process.standardOutput = output
    try process.run()
    let line = try Self.firstLine(of: output.fileHandleForReading.fileDescriptor, within: 30)
    guard let port = line.split(separator: ":").last.flatMap({ Int($0) }) else {
      process.terminate()
      throw BenchError("serve printed \"\(line)\" instead of its URL")
    }
    self.port = port
  }

  deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

  /// The session tokens of the credentials file, in order: (refresh, access).
  func sessions() throws -> [(refresh: String, access: String)] {
    let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/out/credentials.json"))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    return (object["sessions"] as? [[String: Any]] ?? []).map {
      ($0["refresh_token"] as? String ?? "", $0["access_token"] as? String ?? "")
    }
  }

  /// Open file descriptors now (entries of /proc/PID/fd).
  var openDescriptors: Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/fd").count) ?? -1
  }

  /// Resident memory now, in KiB (VmRSS of /proc/PID/status).
  var residentKiB: Int {
    let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
  }

  /// CPU seconds the server has used (user + system, from /proc/PID/stat).
  var cpuSeconds: Double {
    let stat = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)) ?? ""
    let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// One request on a fresh connection to the control API or another endpoint; the body.
  func get(_ path: String, method: String = "GET") -> String {
    guard let client = try? BlockingClient(port: port) else { return "" }
    return client.exchange("\(method) \(path) HTTP/1.1\r\nHost: bench\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
  }

  /// SIGINT, then waits up to `seconds` for the reports to be written; the exit status.
  func stop(within seconds: Double = 60) -> Int32 {
    if process.isRunning { process.interrupt() }
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning, Date() < deadline { usleep(20_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return process.terminationStatus
  }

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
    throw BenchError("serve printed no URL within \(seconds) s")
  }
}

/// A failure of the benchmark itself.
struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

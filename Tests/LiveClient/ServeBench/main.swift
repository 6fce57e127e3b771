import Foundation

// serve-bench [--server PATH] [--connections N] [--seconds S]
// serve-bench --soak [--server PATH] [--minutes M] [--connections N] [--interval S] [--rotation R] [--access-ttl D]
//
// Starts `tokensim serve` on 127.0.0.1 (a free port) and drives it from one thread; traffic goes
// to loopback only and stops by itself after the time asked.

var options: [String: String] = [:]
var soak = false
var words = CommandLine.arguments.dropFirst()
while let word = words.popFirst() {
  if word == "--soak" {
    soak = true
  } else if word.hasPrefix("--"), let value = words.popFirst() {
    options[String(word.dropFirst(2))] = value
  } else {
    FileHandle.standardError.write(Data("serve-bench: unexpected \(word)\n".utf8))
    exit(2)
  }
}
let binary = options["server"] ?? ".build/release/tokensim"
do {
  let passed =
    soak
    ? try SoakRun.run(
      binary: binary, minutes: Double(options["minutes"] ?? "10") ?? 10,
      connections: Int(options["connections"] ?? "40") ?? 40, interval: Double(options["interval"] ?? "0.2") ?? 0.2,
      rotation: options["rotation"] ?? "rotate-without-revoke", accessTTL: options["access-ttl"] ?? "1h")
    : try BenchRun.run(
      binary: binary, connections: Int(options["connections"] ?? "200") ?? 200,
      seconds: Double(options["seconds"] ?? "20") ?? 20)
  exit(passed ? 0 : 1)
} catch {
  FileHandle.standardError.write(Data("serve-bench: \(error)\n".utf8))
  exit(2)
}

import Foundation
import Glibc
import Testing

/// Whether stunnel (Debian package stunnel4), openssl and python3 are installed: the TLS front's
/// test is skipped without them, so `make test` needs none of them.
let tlsFrontAvailable: Bool = {
  let hasStunnel = ["/usr/bin/stunnel4", "/usr/bin/stunnel"].contains { FileManager.default.isExecutableFile(atPath: $0) }
  return hasStunnel && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") && pythonAvailable
}()

/// A free loopback port now (bound and released; the caller uses it at once).
func freeLoopbackPort() throws -> Int {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(descriptor) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
    }
  }
  guard bound else { throw HarnessError(description: "no free port") }
  return Int(UInt16(bigEndian: address.sin_port))
}

/// Waits until something accepts connections on 127.0.0.1:`port`, at most `seconds`.
func waitUntilListening(_ port: Int, within seconds: Double) throws {
  let deadline = Date().addingTimeInterval(seconds)
  while Date() < deadline {
    if (try? RawClient(port: port)) != nil { return }
    usleep(50_000)
  }
  throw HarnessError(description: "nothing listens on 127.0.0.1:\(port) after \(seconds) s")
}

/// Tests/LiveClient/tls_front.sh (stunnel with a self-signed certificate) in front of serve: a
/// refresh over https, checked against that certificate, reaches the same server model.
@Suite(.timeLimit(.minutes(3))) struct ServeTLSFrontTests {
  @Test(.enabled(if: tlsFrontAvailable, "stunnel4, openssl or python3 is not installed: the TLS front is not tested"))
  func aRefreshOverHTTPSThroughStunnelReachesServe() throws {
    let server = try ServeProcess(scenario: serveScenario())
    let tlsPort = try freeLoopbackPort()
    let front = Process()
    front.executableURL = packageRoot.appendingPathComponent("Tests/LiveClient/tls_front.sh")
    front.arguments = [String(server.port), String(tlsPort), server.directory + "/tls"]
    front.standardOutput = FileHandle.nullDevice
    front.standardError = FileHandle.nullDevice
    try front.run()
    defer {
      if front.isRunning { kill(front.processIdentifier, SIGTERM) }
      front.waitUntilExit()
    }
    // stunnel listens once openssl has made the certificate: wait for the port (bounded).
    try waitUntilListening(tlsPort, within: 30)
    let script = """
      import json, ssl, sys, urllib.request
      context = ssl.create_default_context(cafile=sys.argv[2])
      request = urllib.request.Request(sys.argv[1], data=b"grant_type=refresh_token&refresh_token=rt-1")
      print(json.load(urllib.request.urlopen(request, context=context, timeout=10))["refresh_token"])
      """
    let output = try runPython(["-c", script, "https://127.0.0.1:\(tlsPort)/token", server.directory + "/tls/cert.pem"])
    #expect(output == "rt-2")
    _ = try server.stop()
  }
}

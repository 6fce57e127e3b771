import Foundation
import Glibc

/// An HTTP response as a raw client read it.
struct RawResponse {
  let status: Int
  /// Header fields, names lowercased.
  let headers: [String: String]
  let body: String

  /// The body as a JSON object.
  var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
}

/// How a connection ended for a client that read until the end.
enum RawEnding: Equatable {
  /// End of file after these bytes.
  case closed(String)
  /// A TCP reset (ECONNRESET).
  case reset
  /// Nothing more within the timeout, the connection still open.
  case silent(String)
}

/// A blocking TCP client on 127.0.0.1 with a timeout on every read and write, to see exactly
/// what the server puts on the wire.
final class RawClient {
  let descriptor: Int32
  private var buffer: [UInt8] = []

  init(port: Int, timeout: Double = 5) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw HarnessError(description: "no socket") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else {
      close(descriptor)
      throw HarnessError(description: "cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
    }
    setTimeout(timeout)
  }

  deinit { close(descriptor) }

  /// Bounds every later read and write by `seconds`.
  func setTimeout(_ seconds: Double) {
    var time = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
  }

  /// Sends `text` whole.
  func send(_ text: String) throws {
    let bytes = Array(text.utf8)
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      guard count > 0 else { throw HarnessError(description: "send failed: \(String(cString: strerror(errno)))") }
      sent += count
    }
  }

  /// Closes the sending side (a half-close): the server reads end of file, the client can still read.
  func shutdownWrite() { shutdown(descriptor, Int32(SHUT_WR)) }

  /// Reads more bytes; nil at end of file, throws on reset or timeout.
  private func readMore() throws -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
    if count > 0 {
      buffer += chunk[0..<count]
      return true
    }
    if count == 0 { return false }
    throw errno == ECONNRESET ? HarnessError(description: "reset") : HarnessError(description: "timeout")
  }

  /// Reads one response (Content-Length framed).
  func response() throws -> RawResponse {
    while true {
      if let response = try parse() { return response }
      guard try readMore() else {
        throw HarnessError(
          description: "the connection closed before a whole response: \"\(String(decoding: buffer, as: UTF8.self))\"")
      }
    }
  }

  private func parse() throws -> RawResponse? {
    let text = String(decoding: buffer, as: UTF8.self)
    guard let headEnd = text.range(of: "\r\n\r\n") else { return nil }
    let lines = text[..<headEnd.lowerBound].components(separatedBy: "\r\n")
    guard let status = Int(lines[0].split(separator: " ")[1]) else {
      throw HarnessError(description: "bad status line \(lines[0])")
    }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      let parts = line.split(separator: ":", maxSplits: 1)
      headers[parts[0].lowercased()] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
    }
    let length = Int(headers["content-length"] ?? "0") ?? 0
    let headBytes = text[..<headEnd.upperBound].utf8.count
    guard buffer.count >= headBytes + length else { return nil }
    let body = String(decoding: buffer[headBytes..<headBytes + length], as: UTF8.self)
    buffer.removeFirst(headBytes + length)
    return RawResponse(status: status, headers: headers, body: body)
  }

  /// Reads until the server closes, resets, or stays silent for the timeout.
  func readToEnd() -> RawEnding {
    do {
      while try readMore() {}
      return .closed(String(decoding: buffer, as: UTF8.self))
    } catch let error as HarnessError {
      return error.description == "reset" ? .reset : .silent(String(decoding: buffer, as: UTF8.self))
    } catch {
      return .silent("")
    }
  }
}

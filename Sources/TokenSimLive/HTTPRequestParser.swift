/// Reads one HTTP/1.x request from the start of a connection's input. It keeps no state: the
/// loop calls it again on the whole buffer when more bytes arrive, and removes the bytes of a
/// parsed request. Bodies need `Content-Length`; chunked request bodies are refused (501).
enum HTTPRequestParser {
  /// What the buffer holds.
  enum Result: Equatable {
    /// Not a whole request yet (and nothing wrong so far).
    case incomplete
    /// A request, made of the first `length` bytes.
    case request(HTTPRequest, length: Int)
    /// A request the server will not serve.
    case failure(HTTPFailure)
  }

  /// Parses the request at the start of `buffer` within `limits`.
  static func parse(_ buffer: [UInt8], limits: HTTPLimits) -> Result {
    guard let headEnd = endOfHead(buffer, within: limits.headerBytes) else {
      return buffer.count > limits.headerBytes
        ? .failure(HTTPFailure(status: 431, message: "the request line and headers exceed \(limits.headerBytes) bytes"))
        : .incomplete
    }
    do {
      var request = try head(buffer[0..<headEnd.head], limits: limits)
      let length = try bodyLength(request, limits: limits)
      guard buffer.count >= headEnd.body + length else { return .incomplete }
      request.body = Array(buffer[headEnd.body..<headEnd.body + length])
      return .request(request, length: headEnd.body + length)
    } catch {
      return .failure(error)
    }
  }

  /// Where the head ends (the blank line) and the body starts; CRLF or bare LF line ends.
  private static func endOfHead(_ buffer: [UInt8], within limit: Int) -> (head: Int, body: Int)? {
    let newline = UInt8(ascii: "\n")
    var index = 0
    let end = min(buffer.count, limit + 4)
    while index < end {
      if buffer[index] == newline {
        if index + 1 < buffer.count, buffer[index + 1] == newline { return (index, index + 2) }
        if index + 2 < buffer.count, buffer[index + 1] == UInt8(ascii: "\r"), buffer[index + 2] == newline {
          return (index, index + 3)
        }
      }
      index += 1
    }
    return nil
  }

  private static func head(_ bytes: ArraySlice<UInt8>, limits: HTTPLimits) throws(HTTPFailure) -> HTTPRequest {
    guard bytes.allSatisfy({ $0 == 9 || $0 == 10 || $0 == 13 || (32..<127).contains($0) }) else {
      throw HTTPFailure(status: 400, message: "the request line and headers must be printable ASCII")
    }
    // Split on bytes: as Characters, "\r\n" is one grapheme and would not split on "\n".
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
      Substring(String(decoding: $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0, as: UTF8.self))
    }
    while lines.first?.isEmpty == true { lines.removeFirst() }  // RFC 9112 §2.2: ignore leading blank lines
    guard let first = lines.first else { throw HTTPFailure(status: 400, message: "the request has no request line") }
    var request = try requestLine(first)
    let fields = lines.dropFirst()
    guard fields.count <= limits.headerCount else {
      throw HTTPFailure(status: 431, message: "the request has more than \(limits.headerCount) header fields")
    }
    request.headers = try fields.map(headerField)
    return request
  }

  private static func requestLine(_ line: Substring) throws(HTTPFailure) -> HTTPRequest {
    let parts = line.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isUppercase || $0 == "-" }) else {
      throw HTTPFailure(status: 400, message: "the request line must be METHOD TARGET HTTP/1.1, not \"\(line.prefix(100))\"")
    }
    guard parts[2].hasPrefix("HTTP/") else {
      throw HTTPFailure(status: 400, message: "the request line must end in HTTP/1.1 or HTTP/1.0, not \"\(parts[2].prefix(20))\"")
    }
    guard parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else {
      throw HTTPFailure(status: 505, message: "only HTTP/1.1 and HTTP/1.0 are served, not \(parts[2].prefix(20))")
    }
    return HTTPRequest(
      method: String(parts[0]), target: try target(parts[1]), minorVersion: parts[2] == "HTTP/1.1" ? 1 : 0,
      headers: [], body: [])
  }

  /// The origin-form target; an absolute-form one (`http://host/path`) is cut to its path.
  private static func target(_ text: Substring) throws(HTTPFailure) -> String {
    if text.hasPrefix("/") { return String(text) }
    for scheme in ["http://", "https://"] where text.lowercased().hasPrefix(scheme) {
      let rest = text.dropFirst(scheme.count)
      return rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
    }
    throw HTTPFailure(status: 400, message: "the request target must be a path starting with /, not \"\(text.prefix(100))\"")
  }

  private static func headerField(_ line: Substring) throws(HTTPFailure) -> (name: String, value: String) {
    guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else {
      throw HTTPFailure(status: 400, message: "a header line must be Name: value, not \"\(line.prefix(100))\"")
    }
    let name = line[..<colon]
    guard !name.contains(where: { $0 == " " || $0 == "\t" }) else {
      throw HTTPFailure(status: 400, message: "a header name has no spaces (\"\(name.prefix(100))\"; RFC 9112 §5.1)")
    }
    return (name.lowercased(), line[line.index(after: colon)...].trimmed(of: " \t"))
  }

  private static func bodyLength(_ request: HTTPRequest, limits: HTTPLimits) throws(HTTPFailure) -> Int {
    if request.header("transfer-encoding") != nil {
      throw HTTPFailure(status: 501, message: "chunked request bodies are not supported: send Content-Length")
    }
    let lengths = Set(request.headers.filter { $0.name == "content-length" }.map(\.value))
    guard let text = lengths.first else { return 0 }
    guard lengths.count == 1, !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber),
      let length = Int(text)
    else {
      throw HTTPFailure(
        status: 400, message: "Content-Length must be one whole number, not \"\(lengths.sorted().joined(separator: ", "))\"")
    }
    guard length <= limits.bodyBytes else {
      throw HTTPFailure(status: 413, message: "the body of \(length) bytes exceeds \(limits.bodyBytes) bytes")
    }
    return length
  }
}

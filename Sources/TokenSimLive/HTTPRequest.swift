/// One HTTP/1.x request as the live server read it.
struct HTTPRequest: Equatable {
  /// `GET`, `POST`, ...
  var method: String
  /// The request target as sent, path and query (`/p/cli/token?x=1`).
  var target: String
  /// 0 for HTTP/1.0, 1 for HTTP/1.1.
  var minorVersion: Int
  /// Header fields in order, names lowercased.
  var headers: [(name: String, value: String)]
  /// The body (Content-Length bytes).
  var body: [UInt8]

  /// The path without the query.
  var path: String { String(target.prefix { $0 != "?" }) }

  /// The first value of header `name` (lowercase).
  func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

  /// Whether the client wants the connection kept open after the response: HTTP/1.1 unless it
  /// says `Connection: close`, HTTP/1.0 only when it says `keep-alive`.
  var keepAlive: Bool {
    let tokens = (header("connection") ?? "").lowercased().split(separator: ",").map {
      $0.trimmed(of: " \t")
    }
    return minorVersion == 1 ? !tokens.contains("close") : tokens.contains("keep-alive")
  }

  static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
    lhs.method == rhs.method && lhs.target == rhs.target && lhs.minorVersion == rhs.minorVersion
      && lhs.headers.elementsEqual(rhs.headers, by: { $0.name == $1.name && $0.value == $1.value }) && lhs.body == rhs.body
  }
}

extension Substring {
  /// The text without leading and trailing characters of `set`.
  func trimmed(of set: String) -> String {
    let characters = Set(set)
    guard let first = firstIndex(where: { !characters.contains($0) }) else { return "" }
    let last = lastIndex(where: { !characters.contains($0) })!
    return String(self[first...last])
  }
}

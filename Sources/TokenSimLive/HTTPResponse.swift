/// One HTTP/1.1 response the live server writes: a status, header fields and a body. `Date` and
/// `Content-Length` are added when it is written, the date from the server clock.
struct HTTPResponse: Equatable {
  /// The status code.
  var status: Int
  /// Header fields other than `Date`, `Content-Length` and `Connection`, in order.
  var headers: [(name: String, value: String)] = []
  /// The body.
  var body: [UInt8] = []
  /// Whether the server closes the connection once it is written.
  var closes = false

  /// A JSON response.
  static func json(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")] + headers,
      body: Array(text.utf8))
  }

  /// A plain-text response: `message` and a newline.
  static func text(_ status: Int, _ message: String) -> HTTPResponse {
    HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array((message + "\n").utf8))
  }

  /// The answer to a request that cannot be served; the connection closes after it.
  static func failure(_ failure: HTTPFailure) -> HTTPResponse {
    var response = text(failure.status, failure.message)
    response.closes = true
    return response
  }

  /// The bytes on the wire, with `Date: date`.
  func serialized(date: String) -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\nDate: \(date)\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    head += "Content-Length: \(body.count)\r\n"
    if closes { head += "Connection: close\r\n" }
    head += "\r\n"
    return Array(head.utf8) + body
  }

  /// The reason phrase of `status`.
  static func reason(_ status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 408: return "Request Timeout"
    case 409: return "Conflict"
    case 413: return "Content Too Large"
    case 415: return "Unsupported Media Type"
    case 429: return "Too Many Requests"
    case 431: return "Request Header Fields Too Large"
    case 500: return "Internal Server Error"
    case 501: return "Not Implemented"
    case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"
    case 504: return "Gateway Timeout"
    case 505: return "HTTP Version Not Supported"
    default: return "Status \(status)"
    }
  }

  static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
    lhs.status == rhs.status && lhs.body == rhs.body && lhs.closes == rhs.closes
      && lhs.headers.elementsEqual(rhs.headers, by: { $0.name == $1.name && $0.value == $1.value })
  }
}

/// An HTTP/1.1 answer read from the start of a buffer: the status, whether the server closes
/// after it, the length it took, and the tokens its JSON body carries.
struct HTTPAnswer {
  var status: Int
  var closes: Bool
  var length: Int
  var body: ArraySlice<UInt8>

  /// The answer at the start of `buffer`; nil while it is incomplete.
  static func parse(_ buffer: [UInt8]) -> HTTPAnswer? {
    guard let headEnd = endOfHead(buffer) else { return nil }
    let head = buffer[0..<headEnd]
    guard head.count > 12 else { return HTTPAnswer(status: 0, closes: true, length: buffer.count, body: []) }
    let status = head[9..<12].reduce(0) { $0 * 10 + Int($1) - 48 }
    let lower = String(decoding: head, as: UTF8.self).lowercased()
    var contentLength = 0
    if let range = lower.range(of: "\r\ncontent-length: ") {
      contentLength = Int(lower[range.upperBound...].prefix { $0.isNumber }) ?? 0
    }
    let end = headEnd + 4 + contentLength
    guard buffer.count >= end else { return nil }
    return HTTPAnswer(
      status: status, closes: lower.contains("\r\nconnection: close"), length: end, body: buffer[(headEnd + 4)..<end])
  }

  /// The value of string field `name` of the JSON body (`"name":"value"`), if there is one.
  func field(_ name: String) -> String? {
    let key = Array("\"\(name)\":\"".utf8)
    guard body.count > key.count else { return nil }
    var index = body.startIndex
    while index + key.count <= body.endIndex {
      if body[index] == key[0], body[index..<(index + key.count)].elementsEqual(key) {
        let start = index + key.count
        guard let end = body[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: body[start..<end], as: UTF8.self)
      }
      index += 1
    }
    return nil
  }

  private static func endOfHead(_ buffer: [UInt8]) -> Int? {
    guard buffer.count >= 4 else { return nil }
    for index in 0...(buffer.count - 4)
    where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
      return index
    }
    return nil
  }
}

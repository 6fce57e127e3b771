import Foundation
import TokenSimKit

/// The parameters of a token request: a form body (`application/x-www-form-urlencoded`, what
/// RFC 6749 asks) or a JSON object (what some clients send). Client authentication (Basic, or
/// `client_id` and `client_secret` in the body) and unknown parameters are accepted and ignored.
struct TokenRequestForm: Equatable {
  /// Every parameter, the last value of a repeated name winning.
  var parameters: [String: String]

  /// Reads `request`'s body by its `Content-Type` (a form when none is given).
  init(_ request: HTTPRequest) throws(HTTPFailure) {
    let type = (request.header("content-type") ?? "").lowercased()
    if type.hasPrefix("application/json") {
      parameters = try Self.json(request.body)
    } else if type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") {
      parameters = Self.form(String(decoding: request.body, as: UTF8.self))
    } else {
      throw HTTPFailure(
        status: 415, message: "send the token request as application/x-www-form-urlencoded or application/json, not \(type)")
    }
  }

  /// The refresh token presented: `rt-N` names token N; any other text is a token the server
  /// never issued (serial 0), which the model refuses as `unknown-token`.
  var refreshToken: RefreshToken? {
    guard let text = parameters["refresh_token"] else { return nil }
    guard text.hasPrefix("rt-"), let serial = Int(text.dropFirst(3)), serial > 0 else { return RefreshToken(serial: 0) }
    return RefreshToken(serial: serial)
  }

  /// Whether the requested `scope` (space-separated) includes `openid`, so that the reply
  /// carries an `id_token`.
  var wantsIDToken: Bool { (parameters["scope"] ?? "").split(separator: " ").contains("openid") }

  /// The client: `client_id` in the body, else the user of `Authorization: Basic` (RFC 6749
  /// §2.3.1, form-encoded); nil for a public client that sends neither.
  static func clientID(_ request: HTTPRequest, parameters: [String: String]) -> String? {
    if let id = parameters["client_id"], !id.isEmpty { return id }
    guard let value = request.header("authorization"), value.lowercased().hasPrefix("basic "),
      let decoded = Data(base64Encoded: String(value.dropFirst(6)).trimmingCharacters(in: .whitespaces))
    else { return nil }
    let user = String(decoding: decoded, as: UTF8.self).prefix { $0 != ":" }
    return user.isEmpty ? nil : percentDecoded(user)
  }

  /// The OAuth error to answer when this is not a refresh_token grant the model can take.
  var problem: String? {
    guard let grant = parameters["grant_type"] else { return "invalid_request" }
    guard grant == "refresh_token" else { return "unsupported_grant_type" }
    return refreshToken == nil ? "invalid_request" : nil
  }

  /// `a=1&b=two+words` with percent-decoding.
  static func form(_ text: String) -> [String: String] {
    var parameters: [String: String] = [:]
    for pair in text.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      parameters[percentDecoded(parts[0])] = parts.count > 1 ? percentDecoded(parts[1]) : ""
    }
    return parameters
  }

  /// `text` with `+` as space and `%XX` escapes decoded (a bad escape is kept as written).
  static func percentDecoded(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "+") {
        bytes.append(UInt8(ascii: " "))
      } else if byte == UInt8(ascii: "%"), utf8.count >= 2,
        let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func json(_ body: [UInt8]) throws(HTTPFailure) -> [String: String] {
    let node: JSONNode
    do {
      node = try JSONParser.parse(String(decoding: body, as: UTF8.self))
    } catch {
      throw HTTPFailure(status: 400, message: "the JSON body does not parse: \(error.message) at line \(error.line)")
    }
    guard case .object(let fields) = node.value else {
      throw HTTPFailure(status: 400, message: "the JSON body must be an object of parameters")
    }
    var parameters: [String: String] = [:]
    for (key, value) in fields {
      switch value.value {
      case .string(let text): parameters[key] = text
      case .number(_, let text): parameters[key] = text
      case .bool(let flag): parameters[key] = String(flag)
      default: continue
      }
    }
    return parameters
  }
}

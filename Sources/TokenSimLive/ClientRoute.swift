/// Where a client request goes: the endpoint, and the process named by a `/p/NAME` prefix (the
/// anonymous client without one). The discovery documents exist under every prefix too, naming
/// the endpoints under it, so a library that discovers its endpoints is attributed as well.
struct ClientRoute: Equatable {
  /// The client endpoints.
  enum Endpoint: Equatable {
    /// `POST /token`.
    case token
    /// `/api` and everything under it.
    case api
    /// `POST /revoke` (RFC 7009).
    case revoke
    /// `/.well-known/...`: discovery documents.
    case wellKnown
  }

  let endpoint: Endpoint
  /// The process name: the prefix's NAME, or `client`.
  let process: String
  /// `/p/NAME`, or empty without a prefix.
  let prefix: String

  /// The route of `path`; nil when it names no client endpoint.
  init?(_ path: String) {
    var rest = Substring(path)
    var process = LiveTrace.anonymous
    if rest.hasPrefix("/p/") {
      let afterPrefix = rest.dropFirst(3)
      let name = afterPrefix.prefix { $0 != "/" }
      guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) })
      else { return nil }
      process = String(name)
      rest = afterPrefix.dropFirst(name.count)
    }
    if rest == "/token" {
      endpoint = .token
    } else if rest == "/revoke" {
      endpoint = .revoke
    } else if rest == "/api" || rest.hasPrefix("/api/") {
      endpoint = .api
    } else if rest.hasPrefix("/.well-known/") {
      endpoint = .wellKnown
    } else {
      return nil
    }
    self.process = process
    prefix = String(path.dropLast(rest.count))
  }
}

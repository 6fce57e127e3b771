/// Where a client request goes: the endpoint, and the process named by a `/p/NAME` prefix (the
/// anonymous client without one).
struct ClientRoute: Equatable {
  /// The client endpoints.
  enum Endpoint: Equatable {
    /// `POST /token`.
    case token
    /// `/api` and everything under it.
    case api
    /// `POST /revoke` (RFC 7009).
    case revoke
  }

  let endpoint: Endpoint
  /// The process name: the prefix's NAME, or `client`.
  let process: String

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
    } else {
      return nil
    }
    self.process = process
  }
}

import TokenSimKit

/// The request a connection is waiting on an answer for (one at a time: the next request on a
/// keep-alive connection is read once this one is answered).
struct Exchange {
  /// The requesting process.
  let process: Int
  /// What was asked.
  let kind: Kind
  /// The answer decided and waiting for its delivery time; nil while the model has not decided
  /// (a token request waiting for, or in, service) or when it never answers (hang).
  var answer: Answer?
  /// The id_token a token reply carries, when the request asked for the `openid` scope.
  var idToken: IDToken?
  /// Whether the server will never answer (a hang fault): the connection is held until the client
  /// closes it.
  var hung = false

  /// A token request or an API call.
  enum Kind: Equatable {
    /// Token request `request` (the trace's id).
    case token(request: Int)
    /// A call of the protected API.
    case api
  }

  /// What goes out at the delivery time.
  enum Answer: Equatable {
    /// A token-endpoint reply, or a reset.
    case token(TokenEndpointReply)
    /// An API answer: the status, or nil for a reset.
    case api(status: Int?)
  }
}

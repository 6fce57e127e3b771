import Testing

@testable import TokenSimKit

/// The engine reads a token reply through `verdict`, which leaves out the failure's words; the
/// public `classification` says the same with them. The two are written apart, so every kind of
/// reply is checked to get the same verdict from both.
struct ReplyVerdictTests {
  static let grant = TokenGrant(
    accessToken: AccessToken(serial: 7), expiresIn: .hours(1), refreshToken: RefreshToken(serial: 7))

  static var replies: [TokenEndpointReply] {
    let bodies: [ReplyBody] = [.tokens(grant: grant), .oauthError(error: "invalid_grant"), .empty, .malformed]
    let responses = [200, 400, 401, 429, 499, 500, 502, 503].flatMap { status in
      bodies.flatMap { body in
        [nil, "120"].map { TokenEndpointReply.response(http: HTTPReply(status: status, retryAfter: $0, body: body)) }
      }
    }
    return [.timedOut, .connectionReset] + responses
  }

  @Test func theVerdictIsTheClassificationWithoutItsWords() {
    for reply in Self.replies {
      switch (reply.verdict, reply.classification) {
      case (.success(let grant), .success(let classified)): #expect(grant == classified, "\(reply)")
      case (.rejected, .failure(.rejected)): break
      case (.transient(let retryAfter), .failure(.transient(let classified, _))):
        #expect(retryAfter == classified, "\(reply)")
      default: Issue.record("\(reply): verdict \(reply.verdict), classification \(reply.classification)")
      }
    }
    #expect(Self.replies.count == 66)
  }
}

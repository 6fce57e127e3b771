import Foundation
import Testing
import TokenSimKit

@testable import TokenSimLive

/// The id_token `tokensim serve` hands out is dated as the token reply and expires when the model
/// refuses the access token beside it, whatever second the reply is delivered in.
@Suite struct IDTokenExpiryTests {
  /// The claims of an unsigned JWT.
  func claims(_ jwt: String) throws -> [String: Any] {
    let parts = jwt.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    try #require(parts.count == 3)
    var text = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    text += String(repeating: "=", count: (4 - text.count % 4) % 4)
    let data = try #require(Data(base64Encoded: text))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }

  @Test func theIDTokensExpIsTheSecondFromWhichTheAPIRefusesTheAccessToken() throws {
    // A refresh committed at 1:30.95 with 1-hour tokens: the reply is dated 1:30 and arrives at
    // 1:31.05; the access token is refused from 1:01:30, which is the id_token's `exp` (not the
    // delivery's second plus the lifetime, 1:01:31).
    var server = AuthorizationServer(config: ServerConfig(), seed: 1)
    let refresh = try #require(server.logIn(host: "h", now: .start).refreshToken)
    let step = server.receive(1, presenting: refresh, now: .start + .seconds(90) + .milliseconds(950))
    guard case .reply(let http, let at)? = step.fate, case .tokens(let grant) = http.body else {
      return #expect(Bool(false))
    }
    #expect(at == .start + .seconds(91) + .milliseconds(50))
    // What serve hands out with this reply when it is delivered (ServeSession.idToken).
    let jwt = try #require(
      IDToken(issuer: "https://issuer", subject: "h", audience: "app").jwt(replying: http, deliveredAt: at, key: nil))
    let claims = try claims(jwt)
    #expect(claims["iat"] as? Int == 1_767_225_600 + 90)
    #expect(claims["exp"] as? Int == 1_767_225_600 + 3_690)
    let refusedFrom = SimInstant.start + .seconds(3_690)
    #expect(server.accepts(grant.accessToken, now: refusedFrom - SimDuration(microseconds: 1)))
    #expect(!server.accepts(grant.accessToken, now: refusedFrom))
  }
}

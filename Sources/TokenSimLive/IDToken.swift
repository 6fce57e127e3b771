import Foundation
import TokenSimKit

/// The OpenID Connect `id_token` of a token reply whose request asked for the `openid` scope: a
/// JWT (RFC 7519) whose claims are `iss` (the base URL), `sub`, `aud` (the client_id), and `iat`
/// and `exp` from the server clock. Unsigned (`alg: none`) by default, or HS256 with the fixed
/// key given by `--id-token-key`; a test double's tokens, not a secret of anyone's.
struct IDToken: Equatable {
  /// Who issues it (the discovery document's `issuer`), who asked, and about whom: fixed when
  /// the request is read.
  let issuer: String
  let subject: String
  let audience: String

  /// The `aud` when the client names itself neither in the body nor by Basic authentication.
  static let anonymousAudience = "tokensim-client"

  /// The JWT issued at `issuedAt` (the model's reply date: the commit's second, which the wire's
  /// `Date`, written at delivery, may follow) and expiring at `expiresAt` (the access token's
  /// expiry, as the model announces and enforces it), signed with `key` (HS256) or not.
  func jwt(issuedAt: SimInstant, expiresAt: SimInstant, key: String?) -> String {
    let header = JSONText.object([("alg", JSONText.quote(key == nil ? "none" : "HS256")), ("typ", #""JWT""#)])
    let claims = JSONText.object([
      ("iss", JSONText.quote(issuer)), ("sub", JSONText.quote(subject)), ("aud", JSONText.quote(audience)),
      ("iat", String(Self.epochSeconds(issuedAt))), ("exp", String(Self.epochSeconds(expiresAt))),
    ])
    let signingInput = Self.base64URL(Array(header.utf8)) + "." + Self.base64URL(Array(claims.utf8))
    guard let key else { return signingInput + "." }
    return signingInput + "." + Self.base64URL(HMACSHA256.mac(key: Array(key.utf8), message: Array(signingInput.utf8)))
  }

  /// The JWT that goes with token reply `http`, delivered at `deliveredAt`: dated as the reply (the
  /// commit's second; the delivery only when the reply has no date) and expiring when the model
  /// refuses the access token beside it (the grant's `expiresAt`), whatever second the reply is
  /// delivered in; nil when `http` carries no tokens.
  func jwt(replying http: HTTPReply, deliveredAt: SimInstant, key: String?) -> String? {
    guard case .tokens(let grant) = http.body else { return nil }
    let issuedAt = http.date ?? deliveredAt
    return jwt(issuedAt: issuedAt, expiresAt: grant.expiresAt ?? issuedAt + grant.expiresIn, key: key)
  }

  /// The Unix time of `instant`, whole seconds (a JWT's NumericDate, RFC 7519 §2).
  static func epochSeconds(_ instant: SimInstant) -> Int64 {
    HTTPDate.epochOfRunStart + instant.roundedDownToSecond.microseconds / 1_000_000
  }

  /// Base64url without padding (RFC 7515 §2).
  static func base64URL(_ bytes: [UInt8]) -> String {
    Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }
}

/// An access token as the client holds it: an opaque handle minted by the mock server.
public struct AccessToken: Hashable, Codable, Sendable, CustomStringConvertible {
  /// The server's serial number for the token.
  public var serial: Int
  /// Creates the handle of token `serial`.
  public init(serial: Int) { self.serial = serial }
  public var description: String { "at-\(serial)" }
  public init(from decoder: any Decoder) throws { serial = try TokenText.decode(decoder, prefix: "at-") }
  public func encode(to encoder: any Encoder) throws { try TokenText.encode(description, encoder) }
}

/// A refresh token as the client holds it: an opaque handle minted by the mock server.
public struct RefreshToken: Hashable, Codable, Sendable, CustomStringConvertible {
  /// The server's serial number for the token.
  public var serial: Int
  /// Creates the handle of token `serial`.
  public init(serial: Int) { self.serial = serial }
  public var description: String { "rt-\(serial)" }
  public init(from decoder: any Decoder) throws { serial = try TokenText.decode(decoder, prefix: "rt-") }
  public func encode(to encoder: any Encoder) throws { try TokenText.encode(description, encoder) }
}

enum TokenText {
  static func decode(_ decoder: any Decoder, prefix: String) throws -> Int {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard text.hasPrefix(prefix), let serial = Int(text.dropFirst(prefix.count)) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad token \(text)"))
    }
    return serial
  }
  static func encode(_ text: String, _ encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
  }
}

/// What a client keeps about its session: the pair and when it believes the access token expires
/// (an instant on its own host's clock).
public struct Credentials: Equatable, Codable, Sendable {
  /// The bearer for API calls, if any.
  public var accessToken: AccessToken?
  /// When the client believes `accessToken` expires, on the host's clock.
  public var accessExpiresAt: SimInstant?
  /// The refresh token, if any.
  public var refreshToken: RefreshToken?

  /// Creates credentials.
  public init(accessToken: AccessToken?, accessExpiresAt: SimInstant?, refreshToken: RefreshToken?) {
    self.accessToken = accessToken
    self.accessExpiresAt = accessExpiresAt
    self.refreshToken = refreshToken
  }

  /// Whether the access token is present and, by the host clock, valid for at least `margin` more.
  public func accessIsUsable(at now: SimInstant, margin: SimDuration) -> Bool {
    guard accessToken != nil, let expiry = accessExpiresAt else { return false }
    return now + margin < expiry
  }
}

/// A lease on refreshing, kept in the shared store: who holds it and until when (host clock).
public struct Lease: Equatable, Codable, Sendable {
  /// The holder's process id.
  public var holder: Int
  /// When the lease lapses, on the host clock.
  public var expiresAt: SimInstant
  /// Creates a lease.
  public init(holder: Int, expiresAt: SimInstant) {
    self.holder = holder
    self.expiresAt = expiresAt
  }
}

/// Everything a credential store file holds.
public struct StoreContents: Equatable, Codable, Sendable {
  /// The session.
  public var credentials: Credentials?
  /// A refresh lease shared by the processes using the store.
  public var lease: Lease?
  /// A refresh throttle shared by the processes using the store: no token request before this
  /// instant (host clock).
  public var nextRefreshAt: SimInstant?

  /// Creates store contents.
  public init(credentials: Credentials?, lease: Lease? = nil, nextRefreshAt: SimInstant? = nil) {
    self.credentials = credentials
    self.lease = lease
    self.nextRefreshAt = nextRefreshAt
  }
}

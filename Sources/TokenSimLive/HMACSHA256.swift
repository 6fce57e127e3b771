import TokenSimKit

/// HMAC-SHA256 (RFC 2104) over TokenSimKit's SHA-256, for HS256 id_tokens signed with a fixed
/// key (no crypto package: the Swift build takes none).
enum HMACSHA256 {
  /// The 32-byte MAC of `message` under `key`.
  static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
    let blockSize = 64
    var block = key.count > blockSize ? SHA256.digest(key) : key
    block += [UInt8](repeating: 0, count: blockSize - block.count)
    let inner = SHA256.digest(block.map { $0 ^ 0x36 } + message)
    return SHA256.digest(block.map { $0 ^ 0x5C } + inner)
  }
}

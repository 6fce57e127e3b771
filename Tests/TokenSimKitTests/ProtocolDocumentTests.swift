import Foundation
import Testing

@testable import TokenSimKit

/// docs/PROTOCOL.md stays true: each example decodes and re-encodes to the same text, and every
/// event and action is documented.
@Suite struct ProtocolDocumentTests {
  func blocks(tagged tag: String) throws -> [String] {
    let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/PROTOCOL.md"), encoding: .utf8)
    let parts = text.components(separatedBy: "```json \(tag)\n").dropFirst()
    return parts.map { String($0.prefix { $0 != "`" }).trimmingCharacters(in: .whitespacesAndNewlines) }
  }

  func roundTrip<T: Codable>(_ json: String, as type: T.Type) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let value = try JSONDecoder().decode(T.self, from: Data(json.utf8))
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  func names(_ blocks: [String]) throws -> Set<String> {
    Set(try blocks.map { try #require((try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?.keys.first) })
  }

  @Test func everyEventExampleRoundTrips() throws {
    let events = try blocks(tagged: "strategy-event")
    for json in events { #expect(try roundTrip(json, as: StrategyEvent.self) == json) }
    let documented = try names(events)
    #expect(
      documented == [
        "started", "tokenNeeded", "apiRejected", "timerFired", "storeRead", "storeWritten", "lockGranted",
        "lockUnavailable", "refreshCompleted", "messageReceived", "messageFailed",
      ])
  }

  @Test func everyMessageKindIsDocumented() throws {
    let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/PROTOCOL.md"), encoding: .utf8)
    for kind in IPCMessageKind.allCases { #expect(text.contains("`\(kind.rawValue)`"), "\(kind.rawValue)") }
  }

  @Test func everyActionExampleRoundTrips() throws {
    let actions = try blocks(tagged: "strategy-action")
    for json in actions { #expect(try roundTrip(json, as: StrategyAction.self) == json) }
    let documented = try names(actions)
    #expect(
      documented == [
        "readStore", "writeStore", "acquireLock", "releaseLock", "sendRefresh", "grant", "deny", "retryCall", "setTimer",
        "cancelTimer", "restartWorkLoop", "raiseAlert", "send",
      ])
  }
}

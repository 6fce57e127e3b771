import Foundation
import Testing

@testable import TokenSimKit

/// docs/TRACE.md stays true: each example is exactly the line `TraceLine` writes for its event,
/// each field table names that line's keys in order, and every event and every value of an
/// enumerated field is documented, no more and no fewer.
@Suite struct TraceDocumentTests {
  /// What the document says about one event.
  struct Section {
    /// The rows of its field table, in order.
    var fields: [String] = []
    /// Its example lines.
    var examples: [String] = []
    /// The values listed for each enumerated field.
    var values: [String: [String]] = [:]
  }

  /// The document's sections by event name.
  static func sections() throws -> [String: Section] {
    let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/TRACE.md"), encoding: .utf8)
    var sections: [String: Section] = [:]
    for chunk in text.components(separatedBy: "\n### `").dropFirst() {
      let name = String(chunk.prefix { $0 != "`" })
      #expect(sections[name] == nil, "\(name) is documented twice")
      sections[name] = section(chunk)
    }
    return sections
  }

  static func section(_ chunk: String) -> Section {
    var section = Section()
    section.examples = chunk.components(separatedBy: "```json trace-line\n").dropFirst().map {
      String($0.prefix { $0 != "`" }).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    for table in tables(chunk) {
      let column = table.header.first ?? ""
      if column == "Field" {
        section.fields = table.keys
      } else if column.hasPrefix("`") {
        section.values[unquoted(column)] = table.keys
      }
    }
    return section
  }

  /// The Markdown tables of `chunk`: each one's header cells and the first cell of each row,
  /// without backticks.
  static func tables(_ chunk: String) -> [(header: [String], keys: [String])] {
    var tables: [(header: [String], keys: [String])] = []
    var rows: [[String]] = []
    for line in chunk.components(separatedBy: "\n") + [""] {
      if line.hasPrefix("|") {
        rows.append(line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) })
      } else if !rows.isEmpty {
        tables.append((rows[0], rows.dropFirst(2).map { unquoted($0[0]) }))
        rows = []
      }
    }
    return tables
  }

  static func unquoted(_ cell: String) -> String { cell.trimmingCharacters(in: CharacterSet(charactersIn: "`")) }

  /// The keys of a JSON line, in order.
  static func keys(_ line: String) throws -> [String] {
    try line.matches(of: Regex(#""(\w+)":"#)).compactMap { $0.output[1].substring.map(String.init) }
  }

  @Test func everyEventIsDocumented() throws {
    #expect(Set(try Self.sections().keys) == Set(TraceEventName.allCases.map(\.rawValue)))
  }

  @Test func everyExampleIsTheLineWritten() throws {
    let sections = try Self.sections()
    for name in TraceEventName.allCases {
      #expect(TraceEventName(name.example.kind) == name)
      #expect(sections[name.rawValue]?.examples == [TraceLine.json(name.example)], "\(name)")
    }
  }

  @Test func everyFieldTableNamesTheLinesKeys() throws {
    let sections = try Self.sections()
    for name in TraceEventName.allCases {
      let keys = try Self.keys(TraceLine.json(name.example))
      #expect(keys.prefix(2) == ["t", "event"])
      #expect(sections[name.rawValue]?.fields == Array(keys.dropFirst(2)), "\(name)")
    }
  }

  @Test func everyEnumeratedFieldListsExactlyItsValues() throws {
    var documented: [String: [String]] = [:]
    for (event, section) in try Self.sections() {
      for (field, values) in section.values { documented["\(event).\(field)"] = values }
    }
    #expect(Set(documented.keys) == Set(Self.enumeratedFields.keys))
    for (field, values) in Self.enumeratedFields { #expect(documented[field] == values, "\(field)") }
  }

  @Test func faultEffectSamplesCoverEveryCase() {
    #expect(Set(Self.faultEffects.map(Self.faultEffectCase)) == Set(Self.faultEffectCases))
  }

  /// The values of every enumerated field, `event.field`, in the document's order.
  static let enumeratedFields: [String: [String]] = [
    "processStarted.role": ProcessRole.allCases.map(\.rawValue),
    "login.refreshTokenLifetime": refreshLifetimes,
    "tokenRequestServed.decision": ServerDecision.allCases.map(\.rawValue),
    "tokenRequestServed.refreshTokenLifetime": refreshLifetimes,
    "tokenRequestEnded.outcome": TokenOutcome.allCases.map(\.rawValue),
    "familyRevoked.cause": RevocationCause.allCases.map(\.rawValue),
    "storeRead.result": StoreReadOutcome.allCases.map(\.rawValue),
    "lock.what": LockChange.allCases.map(\.rawValue),
    "faultWindow.target": FaultTarget.allCases.map(\.rawValue),
    "faultWindow.effect": faultEffects.map(\.name),
    "runEnded.reason": StopReason.allCases.map(\.rawValue),
  ]

  /// Which lifetime of a refresh token ends first.
  static let refreshLifetimes = [false, true].map { RefreshExpiry(at: .start, idle: $0).lifetime }

  /// One fault effect of each case, with every injectable status. `faultEffectCase` has no
  /// default, so a new case of `FaultEffect` fails to compile there until it is sampled here.
  static let faultEffects: [FaultEffect] =
    FaultRule.injectableStatuses.map { .status($0, retryAfter: nil) } + [
      .latency(.fixed(.seconds(1))), .hang, .reset, .empty, .malformed, .lostAfterCommit,
    ]

  static let faultEffectCases = ["status", "latency", "hang", "reset", "empty", "malformed", "lostAfterCommit"]

  static func faultEffectCase(_ effect: FaultEffect) -> String {
    switch effect {
    case .status: return "status"
    case .latency: return "latency"
    case .hang: return "hang"
    case .reset: return "reset"
    case .empty: return "empty"
    case .malformed: return "malformed"
    case .lostAfterCommit: return "lostAfterCommit"
    }
  }
}

/// The name of each kind of trace event. `init` has no default, so a new `TraceKind` fails to
/// compile here until it has a name, and then an example, which the document must show.
enum TraceEventName: String, CaseIterable {
  case login, processStarted, processExited, processCrashed, tokenRequestSent, tokenRequestServed, tokenRequestEnded
  case reuseDetected, familyRevoked, callDenied, callWaiting, refreshForced, apiCallEnded, storeRead, storeWritten, lock,
    workCycleEnded
  case workCycleSkipped
  case workLoopRestarted, workItemEnded, alertRaised, faultWindow, securityEvent, schedulerArmFailed, hostSuspension
  case runEnded

  init(_ kind: TraceKind) {
    switch kind {
    case .login: self = .login
    case .processStarted: self = .processStarted
    case .processExited: self = .processExited
    case .processCrashed: self = .processCrashed
    case .tokenRequestSent: self = .tokenRequestSent
    case .tokenRequestServed: self = .tokenRequestServed
    case .tokenRequestEnded: self = .tokenRequestEnded
    case .reuseDetected: self = .reuseDetected
    case .familyRevoked: self = .familyRevoked
    case .callDenied: self = .callDenied
    case .callWaiting: self = .callWaiting
    case .refreshForced: self = .refreshForced
    case .apiCallEnded: self = .apiCallEnded
    case .storeRead: self = .storeRead
    case .storeWritten: self = .storeWritten
    case .lock: self = .lock
    case .workCycleEnded: self = .workCycleEnded
    case .workCycleSkipped: self = .workCycleSkipped
    case .workLoopRestarted: self = .workLoopRestarted
    case .workItemEnded: self = .workItemEnded
    case .alertRaised: self = .alertRaised
    case .faultWindow: self = .faultWindow
    case .securityEvent: self = .securityEvent
    case .schedulerArmFailed: self = .schedulerArmFailed
    case .hostSuspension: self = .hostSuspension
    case .runEnded: self = .runEnded
    }
  }

  /// The event whose line the document shows.
  var example: TraceEvent {
    let (microseconds, kind) = exampleFacts
    return TraceEvent(time: SimInstant(microseconds: microseconds), kind: kind)
  }

  private var exampleFacts: (Int64, TraceKind) {
    switch self {
    case .login:
      let expiry = RefreshExpiry(at: SimInstant(microseconds: 86_400_000_000), idle: false)
      return (0, .login(host: "laptop", family: 1, accessTokenTTL: .hours(1), refreshExpiry: expiry))
    case .processStarted:
      return (13_056_451, .processStarted(process: 2, name: "laptop/gh#2", role: .cli, host: "laptop"))
    case .processExited: return (39_100_624, .processExited(process: 2, ok: true))
    case .processCrashed: return (1_500_000_000, .processCrashed(process: 1))
    case .tokenRequestSent: return (1_790_000_000, .tokenRequestSent(process: 1, request: 3, token: 3))
    case .tokenRequestServed:
      let expiry = RefreshExpiry(at: SimInstant(microseconds: 3_590_100_000), idle: true)
      return (1_790_100_000, .tokenRequestServed(request: 3, decision: .issued, family: 1, refreshExpiry: expiry))
    case .tokenRequestEnded:
      return (
        3_300_101_000,
        .tokenRequestEnded(process: 6, request: 6, outcome: .rateLimited, status: 429, retryAfter: "30")
      )
    case .reuseDetected: return (1_210_000_000, .reuseDetected(family: 1, token: 3))
    case .familyRevoked: return (1_210_000_000, .familyRevoked(family: 1, cause: .reuse))
    case .callDenied: return (7_216_200_000, .callDenied(process: 1))
    case .callWaiting: return (3_300_000_000, .callWaiting(process: 1))
    case .refreshForced: return (13_056_451, .refreshForced(process: 2))
    case .apiCallEnded: return (60_050_000, .apiCallEnded(process: 2, ok: false, status: 401))
    case .storeRead: return (1_000, .storeRead(process: 1, host: "laptop", result: .ok))
    case .storeWritten:
      return (1_790_205_000, .storeWritten(process: 1, host: "laptop", refreshToken: 4, lostUpdate: false))
    case .lock: return (7_801_032_000, .lock(process: 4, host: "laptop", what: .acquired))
    case .workCycleEnded: return (60_050_000, .workCycleEnded(process: 2, ok: true))
    case .workCycleSkipped: return (3_660_000_000, .workCycleSkipped(process: 1))
    case .workLoopRestarted: return (7_216_200_000, .workLoopRestarted(process: 1))
    case .workItemEnded: return (7_311_455_029, .workItemEnded(process: 1, completed: false, attempts: 5))
    case .alertRaised:
      return (7_800_101_000, .alertRaised(process: 1, message: "the refresh token was refused; sign in again"))
    case .faultWindow:
      let retryAfter = RetryAfterSpec(delay: .seconds(120), format: .delaySeconds)
      return (
        600_000_000,
        .faultWindow(rule: 0, fault: FaultRule(target: .token, effect: .status(503, retryAfter: retryAfter)), open: true)
      )
    case .securityEvent: return (14_400_000_000, .securityEvent(host: nil))
    case .schedulerArmFailed: return (1_500_000_000, .schedulerArmFailed(process: 1))
    case .hostSuspension: return (3_600_000_000, .hostSuspension(host: "laptop", suspended: true))
    case .runEnded: return (10_800_000_000, .runEnded(reason: .endOfTime))
    }
  }
}

/// The name of a strategy's timer (`setTimer`, `cancelTimer`, `timerFired`). A misspelt built-in
/// name does not compile; a custom strategy names its own timers with `TimerName("poll")`.
///
/// It is coded as its raw text (`"refresh"`), as in docs/PROTOCOL.md. Only `refresh` means
/// something to the world: it is the refresh scheduler, which a scenario can make fail to arm.
/// The built-in strategies also use `retry` (backoff), `recover` (active recovery), `reread`
/// (a torn read is read again, where the client retries one), `lease` (another process's lease
/// may have lapsed) and `broker` (a broker client asks again), each declared beside the code that arms it.
public struct TimerName: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
  /// The name as text.
  public let rawValue: String

  /// The timer called `rawValue`.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// The timer called `name`.
  public init(_ name: String) { rawValue = name }

  /// The process's refresh scheduler, which a scenario can make fail to arm.
  public static let refresh = TimerName("refresh")

  /// The name as text.
  public var description: String { rawValue }
}

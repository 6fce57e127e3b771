/// What the world tells a strategy. Every event is answered with a list of `StrategyAction`s.
public enum StrategyEvent: Equatable, Codable, Sendable {
  /// The process started, or its work loop restarted (`cause`). Memory from before a crash is
  /// gone because a crashed process gets a new strategy value.
  case started(cause: StartCause)
  /// The workload needs an access token for one API call. Answer with `.grant` or `.deny` for
  /// `ask`, now or later. `forceRefresh` is set when the program refreshes unconditionally (a CLI
  /// that refreshes its session at start).
  case tokenNeeded(ask: Int, forceRefresh: Bool)
  /// The API rejected the access token granted for `ask` with `status` (401).
  case apiRejected(ask: Int, token: AccessToken, status: Int)
  /// A timer set with `.setTimer` fired.
  case timerFired(name: TimerName)
  /// The store was read.
  case storeRead(result: StoreReadResult)
  /// A `.writeStore` finished.
  case storeWritten
  /// The lock asked for with `.acquireLock` is held.
  case lockGranted
  /// The lock could not be had within the wait given.
  case lockUnavailable
  /// The token request `request` ended.
  case refreshCompleted(request: Int, reply: TokenEndpointReply)
  /// A message from another process (a broker's answer, a client's question).
  case messageReceived(from: Int, message: IPCMessage)
  /// A question sent with `.send` could not be delivered or was not answered in time (an answer
  /// awaits nothing, so it never fails).
  case messageFailed(correlation: Int)
}

/// Why a strategy is being started.
public enum StartCause: String, Equatable, Codable, Sendable {
  /// A new process (first start, or a restart after a crash).
  case processStart
  /// The same process restarting its work loop after `.restartWorkLoop`.
  case workLoopRestart
}

/// The result of reading a credential store.
public enum StoreReadResult: Equatable, Codable, Sendable {
  /// The file's contents.
  case contents(store: StoreContents)
  /// No file, or a file with no session.
  case empty
  /// The file was being written in place and the read saw half of it.
  case torn
}

/// A message between processes on one host (simulated IPC).
public struct IPCMessage: Equatable, Codable, Sendable {
  /// What is asked or answered.
  public var kind: IPCMessageKind
  /// Pairs a reply with its question.
  public var correlation: Int
  /// Credentials carried by the message, if any.
  public var credentials: Credentials?

  /// Creates a message.
  public init(kind: IPCMessageKind, correlation: Int, credentials: Credentials? = nil) {
    self.kind = kind
    self.correlation = correlation
    self.credentials = credentials
  }
}

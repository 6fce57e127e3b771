/// A token request between its sending and the moment both sides are done with it: the client's
/// side (the server keeps its own side, and `World.tokenReplies` the reply in transit, in the
/// slot `replySlot`). Plain integers and flags, so that the line of requests copies it without
/// retaining anything.
struct TokenRequestState {
  let process: Int
  let incarnation: Int
  /// The strategy's own number for the request.
  let tag: Int
  /// The server is done with the request: it replied (the reply is in transit), hung, or lost
  /// the response after the commit.
  var serverDone = false
  var clientDone = false
  /// Where `World.tokenReplies` keeps the reply on its way to the client, if one is.
  var replySlot: Int?
  /// The server committed a refresh whose response is lost.
  var lostAfterCommit = false
}

/// An API call between its sending and its end.
struct APICallState {
  let process: Int
  let incarnation: Int
  let purpose: AskPurpose
  let ask: Int
  let token: AccessToken
  let cycleEpoch: Int
  /// The call is the retry of one the API refused with 401.
  let isRetry: Bool
  var status: Int?
}

/// Why a run stopped.
public enum StopReason: String, Equatable, Sendable, Codable, CaseIterable {
  /// It reached the scenario's duration.
  case endOfTime = "end-of-time"
  /// Nothing was left to happen before the end.
  case quiescent
  /// It processed the scenario's event budget.
  case eventBudget = "event-budget"
  /// Events kept being scheduled at one instant without time moving (a zero-delay loop).
  case zeroDelayLoop = "zero-delay-loop"
  /// The process running it reached its memory limit (`--max-memory`).
  case memoryLimit = "memory-limit"
  /// It was interrupted (Ctrl-C).
  case interrupted
}

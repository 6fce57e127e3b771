/// The colours of timeline.svg, from the Okabe–Ito palette (Okabe and Ito, "Color Universal
/// Design", 2008), whose eight colours stay apart for readers with any common colour-vision
/// deficiency, plus greys told apart by lightness alone. Every bar and lane fill has a colour no
/// other meaning uses, except that success is green in every panel; marks (work-loop restarts,
/// alerts, security events) are told apart by shape and by the row they sit in.
public enum TimelinePalette {
  /// The eight Okabe–Ito colours.
  public static let okabeIto = [
    "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
  ]
  /// Greys, told apart by lightness: connection errors, no reply, running without calls.
  public static let greys = ["#555555", "#999999", "#DDDDDD"]

  /// Success: token requests answered ok, API calls that succeeded, a lane whose calls all did.
  public static let success = "#009E73"
  /// API calls that failed, and a lane whose calls all failed.
  public static let failedCalls = "#D55E00"

  /// Token-request outcome colours, in stacking order.
  public static let outcomes: [(outcome: String, color: String)] = [
    ("ok", success), ("invalidGrant", "#0072B2"), ("rateLimited", "#E69F00"), ("serverError", "#CC79A7"),
    ("timeout", "#56B4E9"), ("lostAfterCommit", "#F0E442"), ("connectionError", "#555555"), ("noReply", "#999999"),
  ]

  /// Lane states: the character of `Timeline.Lane.states`, its fill and its meaning. "some calls
  /// failed" has no colour of its own: its lane is split, success above and failure below
  /// (`splitFill`).
  public static let lanes: [(state: Character, fill: String, meaning: String)] = [
    (".", "#DDDDDD", "running, no calls"), ("w", waitFill, "waiting for a token"), ("o", success, "calls ok"),
    ("~", splitFill, "some calls failed"),
    ("x", failedCalls, "calls failed"), ("!", "#000000", "needs login"),
  ]

  /// The fill of a split lane: `success` over `failedCalls`.
  public static let splitFill = "split"
  /// The fill of a waiting lane: the running grey crossed by a thin band of `failedCalls` (no
  /// call failed, and none made progress).
  public static let waitFill = "wait"

  /// The shade over fault windows (drawn translucent) and their brackets above the plot.
  static let faultShade = "#F0E442"
  /// Work-loop restarts (triangles), needs-login alerts (diamonds) and security events (dashed lines).
  static let mark = "#000000"
  /// The fill and meaning of a lane `state`, if it has one.
  static func lane(_ state: Character) -> (fill: String, meaning: String)? {
    lanes.first { $0.state == state }.map { ($0.fill, $0.meaning) }
  }
}

import Foundation

/// timeline.svg: token-endpoint requests over time stacked by outcome, API calls ok and failed,
/// fault windows shaded, security events marked, and a swimlane per worker coloured by state.
public enum TimelineSVG {
  static let width = 960.0
  static let left = 190.0
  static let right = 36.0
  static let requestPanel = (top: 70.0, height: 130.0)
  static let callPanel = (top: 228.0, height: 90.0)
  static let laneTop = 348.0
  static let laneHeight = 18.0

  /// Outcome colours, in stacking order.
  static let outcomeColors: [(String, String)] = [
    ("ok", "#43a047"), ("invalidGrant", "#d32f2f"), ("rateLimited", "#fb8c00"), ("serverError", "#8e24aa"),
    ("timeout", "#546e7a"), ("lostAfterCommit", "#6d4c41"), ("connectionError", "#263238"), ("noReply", "#9e9e9e"),
  ]
  /// Lane state colours and meanings.
  static let laneColors: [(Character, String, String)] = [
    (".", "#e0e0e0", "running, no calls"), ("o", "#66bb6a", "calls ok"), ("~", "#ffca28", "some calls failed"),
    ("x", "#e53935", "calls failed"), ("!", "#7b1fa2", "needs login"),
  ]

  /// The SVG document for `result`.
  public static func svg(_ result: RunResult) -> String {
    let timeline = result.analysis.timeline
    let duration = Double(timeline.buckets.count) * timeline.bucketSeconds
    let plot = Plot(x0: left, x1: width - right, seconds: duration, buckets: timeline.buckets.count)
    let height = laneTop + Double(timeline.lanes.count) * laneHeight + 50
    var parts = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" "
        + "viewBox=\"0 0 \(f(width)) \(f(height))\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">",
      "<title>\(Markup.escape("\(result.scenario.name) × \(result.strategyName): timeline"))</title>",
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
    ]
    parts += faultShading(result.analysis.findings, plot: plot, bottom: height - 40)
    parts += requestBars(timeline, plot: plot)
    parts += callBars(timeline, plot: plot)
    parts += lanes(timeline, plot: plot)
    parts += axis(plot: plot, y: height - 40)
    parts += securityMarks(result.analysis.findings, plot: plot, bottom: height - 40)
    parts += legend()
    parts.append("</svg>")
    return parts.joined(separator: "\n") + "\n"
  }

  /// Maps time to x.
  struct Plot {
    let x0: Double
    let x1: Double
    let seconds: Double
    let buckets: Int
    func x(_ time: Double) -> Double { x0 + (x1 - x0) * min(max(time / max(seconds, 1e-9), 0), 1) }
    var bucketWidth: Double { (x1 - x0) / Double(max(buckets, 1)) }
  }

  private static func requestBars(_ timeline: Timeline, plot: Plot) -> [String] {
    let totals = timeline.buckets.map { $0.tokenRequests.values.reduce(0, +) }
    let peak = max(1, totals.max() ?? 0)
    let (top, height) = requestPanel
    var parts = panelFrame(
      title:
        "Token requests per \(DurationText.format(.init(microseconds: Int64(timeline.bucketSeconds * 1e6)))) bucket, by outcome",
      top: top, height: height, peak: peak, plot: plot)
    for (index, bucket) in timeline.buckets.enumerated() {
      var base = top + height
      for (outcome, color) in outcomeColors {
        guard let count = bucket.tokenRequests[outcome], count > 0 else { continue }
        let barHeight = height * Double(count) / Double(peak)
        base -= barHeight
        parts.append(
          rect(plot.x0 + Double(index) * plot.bucketWidth, base, plot.bucketWidth, barHeight, color, "\(count) \(outcome)"))
      }
    }
    return parts
  }

  private static func callBars(_ timeline: Timeline, plot: Plot) -> [String] {
    let peak = max(1, timeline.buckets.map { $0.apiCallsOK + $0.apiCallsFailed }.max() ?? 0)
    let (top, height) = callPanel
    var parts = panelFrame(
      title: "API calls per bucket: succeeded (green) and failed (red)", top: top, height: height, peak: peak, plot: plot)
    for (index, bucket) in timeline.buckets.enumerated() {
      let x = plot.x0 + Double(index) * plot.bucketWidth
      let okHeight = height * Double(bucket.apiCallsOK) / Double(peak)
      let failedHeight = height * Double(bucket.apiCallsFailed) / Double(peak)
      if bucket.apiCallsOK > 0 {
        parts.append(rect(x, top + height - okHeight, plot.bucketWidth, okHeight, "#81c784", "\(bucket.apiCallsOK) ok"))
      }
      if bucket.apiCallsFailed > 0 {
        parts.append(
          rect(
            x, top + height - okHeight - failedHeight, plot.bucketWidth, failedHeight, "#e57373",
            "\(bucket.apiCallsFailed) failed"))
      }
    }
    return parts
  }

  private static func panelFrame(title: String, top: Double, height: Double, peak: Int, plot: Plot) -> [String] {
    [
      text(plot.x0, top - 8, Markup.escape(title), weight: "bold"),
      "<line x1=\"\(f(plot.x0))\" y1=\"\(f(top + height))\" x2=\"\(f(plot.x1))\" y2=\"\(f(top + height))\" stroke=\"#616161\"/>",
      "<line x1=\"\(f(plot.x0))\" y1=\"\(f(top))\" x2=\"\(f(plot.x1))\" y2=\"\(f(top))\" stroke=\"#eeeeee\"/>",
      text(plot.x0 - 6, top + 4, "\(peak)", anchor: "end"),
      text(plot.x0 - 6, top + height + 4, "0", anchor: "end"),
    ]
  }

  private static func lanes(_ timeline: Timeline, plot: Plot) -> [String] {
    guard !timeline.lanes.isEmpty else { return [] }
    var parts = [text(plot.x0, laneTop - 8, "Processes, by state", weight: "bold")]
    for (row, lane) in timeline.lanes.enumerated() {
      let y = laneTop + Double(row) * laneHeight
      parts.append(text(plot.x0 - 6, y + 12, Markup.escape(shortened(lane.name)), anchor: "end"))
      var index = 0
      let states = Array(lane.states)
      while index < states.count {
        var end = index + 1
        while end < states.count, states[end] == states[index] { end += 1 }
        if let color = laneColors.first(where: { $0.0 == states[index] }) {
          parts.append(
            rect(
              plot.x0 + Double(index) * plot.bucketWidth, y + 2, Double(end - index) * plot.bucketWidth, laneHeight - 4, color.1,
              color.2))
        }
        index = end
      }
    }
    return parts
  }

  private static func faultShading(_ findings: RunFindings, plot: Plot, bottom: Double) -> [String] {
    findings.faultWindows.flatMap { window -> [String] in
      let x = plot.x(window.from.seconds)
      let end = plot.x(window.to?.seconds ?? plot.seconds)
      return [
        "<rect x=\"\(f(x))\" y=\"\(f(requestPanel.top))\" width=\"\(f(max(end - x, 1)))\" height=\"\(f(bottom - requestPanel.top))\" "
          + "fill=\"#ffcdd2\" fill-opacity=\"0.45\"><title>\(Markup.escape("fault \(window.effect)"))</title></rect>",
        text(x + 2, requestPanel.top + 10, Markup.escape(window.effect), color: "#b71c1c"),
      ]
    }
  }

  private static func securityMarks(_ findings: RunFindings, plot: Plot, bottom: Double) -> [String] {
    findings.securityEvents.flatMap { time -> [String] in
      let x = plot.x(time.seconds)
      return [
        "<line x1=\"\(f(x))\" y1=\"\(f(requestPanel.top))\" x2=\"\(f(x))\" y2=\"\(f(bottom))\" stroke=\"#b71c1c\" stroke-dasharray=\"4 3\"/>",
        text(x + 3, bottom - 4, "security event", color: "#b71c1c"),
      ]
    }
  }

  private static func axis(plot: Plot, y: Double) -> [String] {
    let step = tickStep(plot.seconds)
    var parts = ["<line x1=\"\(f(plot.x0))\" y1=\"\(f(y))\" x2=\"\(f(plot.x1))\" y2=\"\(f(y))\" stroke=\"#616161\"/>"]
    var tick = 0.0
    while tick <= plot.seconds + 1e-6 {
      let x = plot.x(tick)
      parts.append("<line x1=\"\(f(x))\" y1=\"\(f(y))\" x2=\"\(f(x))\" y2=\"\(f(y + 5))\" stroke=\"#616161\"/>")
      parts.append(text(x, y + 17, SimInstant(microseconds: Int64(tick * 1e6)).clock, anchor: "middle"))
      tick += step
    }
    parts.append(text(plot.x1, y + 32, "simulated time since the start (h:mm:ss, or days)", anchor: "end", color: "#616161"))
    return parts
  }

  /// A tick spacing giving at most ten ticks.
  static func tickStep(_ seconds: Double) -> Double {
    let steps: [Double] = [
      1, 5, 10, 30, 60, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 432_000, 604_800,
    ]
    return steps.first { seconds / $0 <= 10 } ?? 2_592_000
  }

  private static func legend() -> [String] {
    var parts: [String] = []
    var x = left
    for (outcome, color) in outcomeColors {
      parts.append(rect(x, 14, 10, 10, color, outcome))
      parts.append(text(x + 14, 23, outcome))
      x += 14 + Double(outcome.count) * 6.2 + 12
    }
    x = left
    for (_, color, meaning) in laneColors {
      parts.append(rect(x, 30, 10, 10, color, meaning))
      parts.append(text(x + 14, 39, meaning))
      x += 14 + Double(meaning.count) * 6.2 + 12
    }
    return parts
  }

  private static func shortened(_ name: String) -> String { name.count <= 30 ? name : "…" + name.suffix(29) }

  private static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ color: String, _ tip: String) -> String {
    "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(h))\" fill=\"\(color)\"><title>\(Markup.escape(tip))</title></rect>"
  }

  private static func text(
    _ x: Double, _ y: Double, _ content: String, anchor: String = "start", weight: String = "normal", color: String = "#212121"
  ) -> String {
    "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(color)\">\(content)</text>"
  }

  /// A coordinate with one decimal.
  static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}

import Foundation

/// timeline.svg: token-endpoint requests over time stacked by outcome, API calls ok and failed,
/// fault windows shaded and labelled above the plot, security events, work-loop restarts and
/// needs-login alerts marked, and a swimlane per worker coloured by state (`TimelinePalette`).
public enum TimelineSVG {
  static let width = 960.0
  static let left = 190.0
  static let right = 36.0
  /// Where the fault-window labels start; the panels below move down by the rows they need.
  static let faultBandTop = 62.0
  static let faultRowHeight = 18.0
  static let requestPanel = (top: 86.0, height: 130.0)
  static let callPanel = (top: 244.0, height: 90.0)
  static let markRows = (restarts: 350.0, alerts: 366.0)
  static let laneTop = 392.0
  static let laneHeight = 18.0

  /// The SVG document for `result`.
  public static func svg(_ result: RunResult) -> String {
    let timeline = result.analysis.timeline
    let duration = Double(timeline.buckets.count) * timeline.bucketSeconds
    let plot = Plot(x0: left, x1: width - right, seconds: duration, buckets: timeline.buckets.count)
    let labels = TimelineFaultLabels.place(result.analysis.findings.faultWindows, plot: plot)
    let shift = Double(labels.rows) * faultRowHeight
    let bottom = laneTop + Double(timeline.lanes.count) * laneHeight + 10
    let height = bottom + 40 + shift
    var parts = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" "
        + "viewBox=\"0 0 \(f(width)) \(f(height))\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">",
      "<title>\(Markup.escape("\(result.scenario.name) × \(result.strategyName): timeline"))</title>",
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
    ]
    parts += legend()
    parts += labels.marks(top: faultBandTop, rowHeight: faultRowHeight)
    parts.append("<g transform=\"translate(0,\(f(shift)))\">")
    parts += faultShading(result.analysis.findings, plot: plot, bottom: bottom)
    parts += requestBars(timeline, plot: plot)
    parts += callBars(timeline, plot: plot)
    parts += eventMarks(timeline, plot: plot)
    parts += lanes(timeline, plot: plot)
    parts += axis(plot: plot, y: bottom)
    parts += securityMarks(result.analysis.findings, plot: plot, bottom: bottom)
    parts.append("</g>")
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
    let bucket = DurationText.approximate(.init(microseconds: Int64(timeline.bucketSeconds * 1e6)))
    var parts = panelFrame(
      title: "Token requests per \(bucket) bucket, by outcome", top: top, height: height, peak: peak, plot: plot)
    for (index, bucket) in timeline.buckets.enumerated() {
      var base = top + height
      for (outcome, color) in TimelinePalette.outcomes {
        guard let count = bucket.tokenRequests[outcome], count > 0 else { continue }
        let barHeight = height * Double(count) / Double(peak)
        base -= barHeight
        parts.append(
          rect(
            plot.x0 + Double(index) * plot.bucketWidth, base, plot.bucketWidth, barHeight, color,
            "\(Figures.grouped(count)) \(outcome)"))
      }
    }
    return parts
  }

  private static func callBars(_ timeline: Timeline, plot: Plot) -> [String] {
    let peak = max(1, timeline.buckets.map { $0.apiCallsOK + $0.apiCallsFailed }.max() ?? 0)
    let (top, height) = callPanel
    var parts = panelFrame(
      title: "API calls per bucket: succeeded and failed", top: top, height: height, peak: peak, plot: plot)
    for (index, bucket) in timeline.buckets.enumerated() {
      let x = plot.x0 + Double(index) * plot.bucketWidth
      let okHeight = height * Double(bucket.apiCallsOK) / Double(peak)
      let failedHeight = height * Double(bucket.apiCallsFailed) / Double(peak)
      if bucket.apiCallsOK > 0 {
        parts.append(
          rect(
            x, top + height - okHeight, plot.bucketWidth, okHeight, TimelinePalette.success,
            "\(Figures.grouped(bucket.apiCallsOK)) ok"))
      }
      if bucket.apiCallsFailed > 0 {
        parts.append(
          rect(
            x, top + height - okHeight - failedHeight, plot.bucketWidth, failedHeight, TimelinePalette.failedCalls,
            "\(Figures.grouped(bucket.apiCallsFailed)) failed"))
      }
    }
    return parts
  }

  private static func panelFrame(title: String, top: Double, height: Double, peak: Int, plot: Plot) -> [String] {
    [
      text(plot.x0, top - 8, Markup.escape(title), weight: "bold"),
      "<line x1=\"\(f(plot.x0))\" y1=\"\(f(top + height))\" x2=\"\(f(plot.x1))\" y2=\"\(f(top + height))\" stroke=\"#616161\"/>",
      "<line x1=\"\(f(plot.x0))\" y1=\"\(f(top))\" x2=\"\(f(plot.x1))\" y2=\"\(f(top))\" stroke=\"#eeeeee\"/>",
      text(plot.x0 - 6, top + 4, Figures.grouped(peak), anchor: "end"),
      text(plot.x0 - 6, top + height + 4, "0", anchor: "end"),
    ]
  }

  /// A row of triangles for buckets with work-loop restarts and one of diamonds for buckets in
  /// which a needs-login alert was raised, each with its count as a tooltip.
  static func eventMarks(_ timeline: Timeline, plot: Plot) -> [String] {
    let rows: [(y: Double, label: String, shape: String, count: (Timeline.Bucket) -> Int, noun: String)] = [
      (markRows.restarts, "work-loop restarts", "restart", \.workLoopRestarts, "work-loop restart"),
      (markRows.alerts, "needs-login alerts", "alert", \.alertsRaised, "needs-login alert"),
    ]
    return rows.flatMap { row -> [String] in
      var parts = [text(plot.x0 - 6, row.y + 4, row.label, anchor: "end")]
      for (index, bucket) in timeline.buckets.enumerated() where row.count(bucket) > 0 {
        let x = plot.x0 + (Double(index) + 0.5) * plot.bucketWidth
        parts.append(mark(row.shape, x: x, y: row.y, tip: RunAccount.count(row.count(bucket), row.noun)))
      }
      return parts
    }
  }

  /// A restart triangle or an alert diamond centred on `x`, `y`.
  static func mark(_ shape: String, x: Double, y: Double, tip: String) -> String {
    let points =
      shape == "restart"
      ? "\(f(x - 5)),\(f(y + 5)) \(f(x + 5)),\(f(y + 5)) \(f(x)),\(f(y - 5))"
      : "\(f(x)),\(f(y - 6)) \(f(x + 5)),\(f(y)) \(f(x)),\(f(y + 6)) \(f(x - 5)),\(f(y))"
    return "<polygon class=\"\(shape)\" points=\"\(points)\" fill=\"\(TimelinePalette.mark)\">"
      + "<title>\(Markup.escape(tip))</title></polygon>"
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
        if let state = TimelinePalette.lane(states[index]) {
          parts += swatch(
            plot.x0 + Double(index) * plot.bucketWidth, y + 2, Double(end - index) * plot.bucketWidth, laneHeight - 4,
            state.fill, state.meaning)
        }
        index = end
      }
    }
    return parts
  }

  private static func faultShading(_ findings: RunFindings, plot: Plot, bottom: Double) -> [String] {
    findings.faultWindows.map { window -> String in
      let x = plot.x(window.from.seconds)
      let end = plot.x(window.to?.seconds ?? plot.seconds)
      return "<rect class=\"fault\" x=\"\(f(x))\" y=\"\(f(requestPanel.top))\" width=\"\(f(max(end - x, 1)))\" "
        + "height=\"\(f(bottom - requestPanel.top))\" fill=\"\(TimelinePalette.faultShade)\" fill-opacity=\"0.3\">"
        + "<title>\(Markup.escape("fault \(window.effect)"))</title></rect>"
    }
  }

  private static func securityMarks(_ findings: RunFindings, plot: Plot, bottom: Double) -> [String] {
    findings.securityEvents.flatMap { time -> [String] in
      let x = plot.x(time.seconds)
      return [
        "<line x1=\"\(f(x))\" y1=\"\(f(requestPanel.top))\" x2=\"\(f(x))\" y2=\"\(f(bottom))\" "
          + "stroke=\"\(TimelinePalette.mark)\" stroke-dasharray=\"4 3\"><title>security event at \(time.clock)</title></line>",
        text(x + 3, bottom - 4, "security event"),
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
    parts.append(text(plot.x1, y + 32, "simulated time since the start (h:mm:ss, days as Nd)", anchor: "end", color: "#616161"))
    return parts
  }

  /// A tick spacing giving at most ten ticks.
  static func tickStep(_ seconds: Double) -> Double {
    let steps: [Double] = [
      1, 5, 10, 30, 60, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 432_000, 604_800,
    ]
    return steps.first { seconds / $0 <= 10 } ?? 2_592_000
  }

  /// Three rows: the token-request outcomes, the lane states, and the marks.
  private static func legend() -> [String] {
    var parts: [String] = []
    let rows: [(y: Double, items: [(String, String)])] = [
      (14, TimelinePalette.outcomes.map { ($0.color, $0.outcome) }),
      (30, TimelinePalette.lanes.map { ($0.fill, $0.meaning) }),
    ]
    for row in rows {
      var x = left
      for (color, meaning) in row.items {
        parts += swatch(x, row.y, 10, 10, color, meaning)
        parts.append(text(x + 14, row.y + 9, meaning))
        x += 14 + Double(meaning.count) * 6.2 + 12
      }
    }
    parts.append(mark("restart", x: left + 5, y: 51, tip: "work-loop restart"))
    parts.append(text(left + 14, 55, "work-loop restart"))
    parts.append(mark("alert", x: left + 135, y: 51, tip: "needs-login alert"))
    parts.append(text(left + 144, 55, "needs-login alert"))
    parts.append(rect(left + 264, 46, 10, 10, TimelinePalette.faultShade, "fault window"))
    parts.append(text(left + 278, 55, "fault window (labelled above the plot)"))
    parts.append(
      "<line x1=\"\(f(left + 529))\" y1=\"46\" x2=\"\(f(left + 529))\" y2=\"57\" stroke=\"\(TimelinePalette.mark)\" stroke-dasharray=\"4 3\"/>"
    )
    parts.append(text(left + 536, 55, "security event"))
    return parts
  }

  private static func shortened(_ name: String) -> String { name.count <= 30 ? name : "…" + name.suffix(29) }

  /// A rectangle of `fill`, or for `TimelinePalette.splitFill` its upper half in success and its
  /// lower half in failure, or for `TimelinePalette.waitFill` grey with a band of failure.
  static func swatch(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ fill: String, _ tip: String) -> [String] {
    if fill == TimelinePalette.waitFill {
      return [
        rect(x, y, w, h, TimelinePalette.greys[2], tip), rect(x, y + h * 0.4, w, h * 0.2, TimelinePalette.failedCalls, tip),
      ]
    }
    guard fill == TimelinePalette.splitFill else { return [rect(x, y, w, h, fill, tip)] }
    return [rect(x, y, w, h / 2, TimelinePalette.success, tip), rect(x, y + h / 2, w, h / 2, TimelinePalette.failedCalls, tip)]
  }

  static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ color: String, _ tip: String) -> String {
    "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(h))\" fill=\"\(color)\"><title>\(Markup.escape(tip))</title></rect>"
  }

  static func text(
    _ x: Double, _ y: Double, _ content: String, anchor: String = "start", weight: String = "normal", color: String = "#212121"
  ) -> String {
    "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(color)\">\(content)</text>"
  }

  /// A coordinate with one decimal.
  static func f(_ value: Double) -> String { OneDecimal.text(value) }
}

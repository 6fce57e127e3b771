/// The labels of a timeline's fault windows, drawn above the plot rather than over its bars: a
/// bracket spanning each window with its effect's name, in as many rows as keep labels from
/// overlapping, each label moved left when it would run past the plot's right edge.
struct TimelineFaultLabels {
  /// One label: the window's extent in x, where its text starts, its text and its row.
  struct Label {
    var from: Double
    var to: Double
    var textX: Double
    var text: String
    var row: Int
  }

  /// The labels, in window order.
  var labels: [Label] = []

  /// The rows the labels need (0 without fault windows).
  var rows: Int { (labels.map(\.row).max() ?? -1) + 1 }

  /// An estimate of a label's width at the timeline's 11 px font.
  static func textWidth(_ text: String) -> Double { Double(text.count) * 6.6 }

  /// Places one label per window of `windows`.
  static func place(_ windows: [(effect: String, from: SimInstant, to: SimInstant?)], plot: TimelineSVG.Plot)
    -> TimelineFaultLabels
  {
    var placed = TimelineFaultLabels()
    var rowEnds: [Double] = []
    for window in windows {
      let from = plot.x(window.from.seconds)
      let to = max(plot.x(window.to?.seconds ?? plot.seconds), from + 1)
      let text = "fault: \(window.effect)"
      let textX = max(plot.x0, min(from, plot.x1 - textWidth(text)))
      let end = max(to, textX + textWidth(text)) + 8
      let row = rowEnds.firstIndex { $0 <= min(from, textX) } ?? rowEnds.count
      if row == rowEnds.count { rowEnds.append(end) } else { rowEnds[row] = end }
      placed.labels.append(Label(from: from, to: to, textX: textX, text: text, row: row))
    }
    return placed
  }

  /// The SVG of every label: a bracket over the window's extent and the text above it, rows
  /// `rowHeight` apart from `top`.
  func marks(top: Double, rowHeight: Double) -> [String] {
    let f = TimelineSVG.f
    return labels.flatMap { label -> [String] in
      let y = top + Double(label.row) * rowHeight
      let bracket = y + 12
      return [
        "<path class=\"fault-bracket\" d=\"M\(f(label.from)),\(f(bracket + 3))V\(f(bracket))H\(f(label.to))V\(f(bracket + 3))\" "
          + "fill=\"none\" stroke=\"#212121\"/>",
        "<text class=\"fault-label\" x=\"\(f(label.textX))\" y=\"\(f(y + 9))\" fill=\"#212121\">"
          + "\(Markup.escape(label.text))</text>",
      ]
    }
  }
}

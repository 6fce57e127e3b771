import Foundation
import Testing
import TokenSimKit

/// The matrix page, the timeline and the run reports explain themselves (issue 18): the verdict
/// first, a legend, whole cells as links, loud unexpected runs, failing checks grouped, the
/// metrics side by side, a colour-blind-safe palette, fault labels above the plot, restart and
/// alert marks, and one format for instants, durations and counts.
@Suite struct SelfExplainingReportTests {
  static func run(_ scenario: String, _ strategy: String) throws -> RunResult {
    let loaded = try Scenario.load(path: packageRoot.appendingPathComponent("Scenarios/\(scenario).json").path)
    let variant = loaded.variants.first { $0.name == strategy }
    return Simulation(scenario: loaded, strategy: try variant ?? choice(strategy)).run()
  }

  static let thrash: [MatrixEntry] = {
    ["naive", "broker", "single-flight"].map { MatrixEntry(try! run("shared-file-thrash", $0)) }
  }()

  @Test func theMatrixPageLeadsWithItsVerdictAndCountsThenTheLegendThenTheMatrix() throws {
    let page = MatrixReport.html(Self.thrash)
    let verdict = try #require(page.range(of: "class=\"verdict good\""))
    let legend = try #require(page.range(of: "How to read a cell"))
    let matrix = try #require(page.range(of: "<table class=\"matrix\">"))
    #expect(verdict.lowerBound < legend.lowerBound && legend.lowerBound < matrix.lowerBound)
    #expect(page.contains("As expected: all 3 runs came out as their scenarios&apos; expect sections say."))
    #expect(
      page.contains("3 runs (1 scenario × 3 strategies, 0 variants): 1 pass · 2 fail · 0 unknown · 6 failing or undecided checks")
    )
    for (label, id) in [("avail", "availability"), ("converge", "converges")] {
      #expect(page.contains("<dt>\(label)</dt><dd title=\""), "legend names \(label)")
      #expect(page.contains(">\(id)</dd>"))
    }
    #expect(page.contains("revoked 1 +5: the first check that failed"))
  }

  @Test func everyMatrixCellIsOneLinkHoldingTheWholeCell() throws {
    let page = MatrixReport.html(Self.thrash)
    let cells = page.components(separatedBy: "<td class=\"cell ").dropFirst()
    #expect(cells.count == 3)
    for cell in cells {
      let inside = cell.components(separatedBy: "</td>")[0]
      #expect(inside.contains("><a class=\"cell\" href=\"shared-file-thrash/"))
      #expect(inside.hasSuffix("</a>"), "the link closes where the cell does: \(inside)")
      #expect(inside.components(separatedBy: "<a ").count == 2, "one link per cell")
    }
  }

  @Test func anUnexpectedRunIsFlaggedInItsCellAndListedBeforeTheMatrix() throws {
    var entries = Self.thrash
    entries[1].unmet = ["verdict pass, expected fail"]
    let page = MatrixReport.html(entries)
    #expect(page.contains("class=\"verdict bad\""))
    #expect(page.contains("NOT as expected: 1 of 3 runs did not come out"))
    let list = try #require(page.range(of: "<div class=\"unexpected-list\"><h2>Did not come out as expected</h2>"))
    #expect(list.lowerBound < page.range(of: "<table class=\"matrix\">")!.lowerBound)
    #expect(page.contains("shared-file-thrash × broker</a>: verdict pass, expected fail</li>"))
    #expect(page.contains("<td class=\"cell cell-pass unexpected\">"))
    #expect(page.contains("<span class=\"flag\">UNEXPECTED</span></a></td>"))
    #expect(!page.contains("! "), "no tiny exclamation mark")
  }

  @Test func failingChecksAreGroupedByScenarioAndCheck() throws {
    let page = MatrixReport.html(Self.thrash)
    #expect(page.contains("<h2>Failing checks, by scenario and check</h2>"))
    #expect(
      page.contains(
        "<summary><b>shared-file-thrash</b>: 6 failing or undecided checks in 2 runs: converges ×1, "
          + "availability ×2, goodput ×2, no-thrash ×1</summary>"))
    #expect(
      page.contains(
        "<th class=\"check\" rowspan=\"1\">no-thrash</th><td><a href=\"shared-file-thrash/naive/index.html\">naive</a>"))
    let markdown = MatrixReport.markdown(Self.thrash)
    #expect(
      markdown.contains(
        "## Failing checks, by scenario and check\n\n### shared-file-thrash\n\n- `converges` (at most 15 min)\n"
      ))
  }

  /// Each row of the metric table holds, per strategy, the value compare.json has.
  @Test func theComparePageSetsCompareJSONsMetricsSideBySide() throws {
    let page = MatrixReport.html(Self.thrash)
    let json = try #require(try JSONSerialization.jsonObject(with: MatrixReport.json(Self.thrash)) as? [String: Any])
    let results = try #require(json["results"] as? [[String: Any]])
    let metrics = results.map { $0["metrics"] as! [String: Any] }
    let table = try #require(
      page.components(separatedBy: "<table class=\"metrics\">").dropFirst().first?.components(separatedBy: "</table>").first)
    #expect(
      table.contains(
        "<th><a href=\"shared-file-thrash/naive/index.html\">naive</a></th><th><a href=\"shared-file-thrash/broker/index.html\">broker</a></th>"
      ))
    func row(_ label: String) -> [String] {
      let line = table.split(separator: "\n").first { $0.hasPrefix("<tr><th>\(label)</th>") }.map(String.init) ?? ""
      return line.components(separatedBy: "<td class=\"num\">").dropFirst().map { $0.components(separatedBy: "<")[0] }
    }
    func number(_ text: String) -> Double { Double(text.filter { $0.isNumber || $0 == "." }) ?? .nan }
    #expect(row("token requests").map(number) == metrics.map { Double($0["tokenRequests"] as! Int) })
    #expect(row("work-loop restarts").map(number) == metrics.map { Double($0["workLoopRestarts"] as! Int) })
    #expect(row("availability").map(number) == metrics.map { (($0["availability"] as! Double) * 1000).rounded() / 10 })
    #expect(row("amplification").map(number) == metrics.map { (($0["amplification"] as! Double) * 10).rounded() / 10 })
  }

  @Test func theTimelinePaletteStaysDistinct() {
    let outcomes = TimelinePalette.outcomes.map(\.color)
    let lanes = TimelinePalette.lanes.map(\.fill)
    #expect(Set(outcomes).count == outcomes.count)
    #expect(Set(lanes).count == lanes.count)
    let safe = Set(TimelinePalette.okabeIto + TimelinePalette.greys)
    for color in outcomes + lanes where color != TimelinePalette.splitFill && color != TimelinePalette.waitFill {
      #expect(safe.contains(color), "\(color) is Okabe–Ito or grey")
    }
    func outcome(_ name: String) -> String { TimelinePalette.outcomes.first { $0.outcome == name }!.color }
    func lane(_ meaning: String) -> String { TimelinePalette.lanes.first { $0.meaning == meaning }!.fill }
    #expect(outcome("serverError") != lane("needs login"))
    #expect(outcome("invalidGrant") != TimelinePalette.failedCalls)
    #expect(lane("calls failed") == TimelinePalette.failedCalls && lane("calls ok") == TimelinePalette.success)
    // Only success shares its colour between the request bars and the lanes.
    #expect(Set(outcomes).intersection(lanes) == [TimelinePalette.success])
  }

  /// The fault label sits between the legend and the request panel's title, inside the picture.
  @Test func faultWindowLabelsAreDrawnAboveThePlot() throws {
    let svg = TimelineSVG.svg(try Self.run("metastable-retry-storm", "naive"))
    let label = try #require(svg.firstMatch(of: /<text class="fault-label" x="([0-9.]+)" y="([0-9.]+)"[^>]*>fault: ([^<]+)</))
    let shift = try #require(svg.firstMatch(of: /<g transform="translate\(0,([0-9.]+)\)">/))
    let title = try #require(svg.firstMatch(of: /<text x="[0-9.]+" y="([0-9.]+)"[^>]*>Token requests per/))
    let shade = try #require(svg.firstMatch(of: /<rect class="fault" x="[0-9.]+" y="([0-9.]+)"/))
    let labelY = Double(label.2)!
    #expect(labelY < Double(title.1)! + Double(shift.1)!, "above the panel title")
    #expect(labelY < Double(shade.1)! + Double(shift.1)!, "above the shaded window, not under the bars")
    #expect(labelY > 56, "below the legend")
    #expect(Double(label.1)! + Double(label.3.count) * 6.6 <= 960, "not clipped at the right")
  }

  @Test func restartsAndAlertsAreMarked() throws {
    let thrash = try Self.run("shared-file-thrash", "naive")
    let svg = TimelineSVG.svg(thrash)
    #expect(svg.contains("<polygon class=\"restart\""))
    let buckets = thrash.analysis.timeline.buckets
    #expect(buckets.map(\.workLoopRestarts).reduce(0, +) == thrash.metrics.workLoopRestarts)
    #expect(
      svg.components(separatedBy: "<polygon class=\"restart\"").count - 1 == buckets.filter { $0.workLoopRestarts > 0 }.count + 1)
    let alerting = try Self.run("shared-file-thrash", "seed-004-needs-login")
    #expect(alerting.metrics.needsLoginAlerts > 0)
    #expect(alerting.analysis.timeline.buckets.map(\.alertsRaised).reduce(0, +) == alerting.metrics.needsLoginAlerts)
    #expect(TimelineSVG.svg(alerting).contains("<polygon class=\"alert\" points="))
  }

  @Test func runPagesOfAMatrixLinkBackToIt() throws {
    try withTemporaryDirectory { out in
      let scenario = try Scenario.load(path: packageRoot.appendingPathComponent("Scenarios/quiet-day.json").path)
      _ = try MatrixRun(scenarios: [scenario], strategies: [try choice("naive")]).runAndPublish(out: out, jobs: 1)
      let page = try String(contentsOfFile: out + "/quiet-day/naive/index.html", encoding: .utf8)
      #expect(page.contains("<nav class=\"back\"><a href=\"../../compare.html\">"))
      #expect(FileManager.default.fileExists(atPath: out + "/compare.html"))
    }
    #expect(!HTMLReport.page(try Self.run("quiet-day", "naive")).contains("<nav class=\"back\">"), "a lone run has no matrix")
  }

  @Test func instantsAlwaysReadAsHoursMinutesSeconds() {
    #expect(SimInstant(microseconds: 20_100_000).clock == "0:00:20.1")
    #expect(SimInstant(microseconds: 3_649_600_000).clock == "1:00:49.6")
    #expect(SimInstant(microseconds: 0).clock == "0:00:00")
    #expect(SimInstant(microseconds: 3 * 86_400_000_000 + 4 * 3_600_000_000).clock == "3d 04:00:00")
  }

  /// In every text a person reads, a number of four digits or more is grouped, and a clock
  /// reading has hours.
  @Test(arguments: [("metastable-retry-storm", "naive"), ("shared-file-thrash", "naive")])
  func everyCountIsGroupedAndEveryInstantHasHours(scenario: String, strategy: String) throws {
    let result = try Self.run(scenario, strategy)
    let texts = [
      RunAccount.text(result), MarkdownReport.text(result).replacingOccurrences(of: "Seed \(result.seed)", with: ""),
      ReportText.keyMetrics(result.metrics).map(\.1).joined(separator: "\n"), MatrixReport.html([MatrixEntry(result)]),
    ]
    for text in texts {
      let body = text.components(separatedBy: "</style>").last!.replacingOccurrences(
        of: result.scenario.description.replacingOccurrences(of: "'", with: "&apos;"), with: "")
      let tokens = body.matches(of: /#?[0-9][0-9,.:]*/).map { String($0.output) }.filter { !$0.hasPrefix("#") }
        .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".,:")) }
      let clocks = tokens.filter { $0.contains(":") }
      #expect(clocks.allSatisfy { $0.wholeMatch(of: /[0-9]+:[0-9]{2}:[0-9]{2}(\.[0-9])?/) != nil }, "\(clocks)")
      let ungrouped = tokens.filter { !$0.contains(":") && !$0.contains(",") && $0.split(separator: ".")[0].count >= 4 }
      #expect(ungrouped.isEmpty, "ungrouped counts \(ungrouped)")
    }
    if scenario == "metastable-retry-storm" {
      #expect(RunAccount.text(result).contains("1,240 token requests (1,040 serverError, 200 ok)"))
    }
  }

  @Test func durationsReadOneWay() {
    #expect(ReportText.seconds(0.1) == "0.1 s")
    #expect(ReportText.seconds(25) == "25 s")
    #expect(ReportText.seconds(720) == "12 min")
    #expect(ReportText.seconds(7_200) == "2.0 h")
    #expect(Figures.grouped(119_344) == "119,344")
    #expect(Figures.grouped(107_692) == "107,692")
  }

  /// `list strategies --verbose` through the executable, its lines' widths: 80 when standard
  /// output is a pipe and COLUMNS is unset, COLUMNS when it is set.
  @Test(arguments: [(nil, 80), ("100", 100)])
  func listVerboseWrapsToTheTerminalWidth(columns: String?, width: Int) throws {
    let process = Process()
    process.executableURL = packageRoot.appendingPathComponent(".build/debug/tokensim")
    process.arguments = ["list", "strategies", "--verbose"]
    var environment = ProcessInfo.processInfo.environment
    environment["COLUMNS"] = columns
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let widths = text.split(separator: "\n").map(\.count)
    #expect(process.terminationStatus == 0)
    #expect(widths.max()! <= width)
    #expect(widths.max()! > width - 10, "the width is used, not just respected")
    #expect(text.contains("  refreshWindow            10s                refresh before a call when the"))
  }
}

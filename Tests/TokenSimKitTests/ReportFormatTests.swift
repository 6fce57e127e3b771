import Foundation
import Testing
import TokenSimKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Whether `text` is well-formed XML.
func parsesAsXML(_ text: String) -> Bool { XMLParser(data: Data(text.utf8)).parse() }

/// The report writers: well-formed, self-contained, and the same bytes for the same run.
struct ReportFormatTests {
  func seed004(_ strategy: String) throws -> RunResult {
    let scenario = try Scenario.load(path: packageRoot.appendingPathComponent("Scenarios/shared-file-thrash.json").path)
    return Simulation(scenario: scenario, strategy: try choice(strategy)).run()
  }

  @Test func junitSVGAndHTMLParseAsXML() throws {
    let result = try seed004("naive")
    #expect(parsesAsXML(JUnitReport.xml([(result.scenario.name, JUnitReport.cases(result))])))
    #expect(parsesAsXML(TimelineSVG.svg(result)))
    #expect(parsesAsXML(HTMLReport.page(result)))
    let entries = [MatrixEntry(result), MatrixEntry(try seed004("broker"))]
    #expect(parsesAsXML(MatrixReport.html(entries)))
  }

  @Test func junitCarriesEachFailureWithItsEvidence() throws {
    let xml = JUnitReport.xml([("shared-file-thrash", JUnitReport.cases(try seed004("naive")))])
    #expect(xml.contains(#"<testsuite name="shared-file-thrash" tests="11" failures="3" errors="0" skipped="0" time="0">"#))
    #expect(xml.contains(#"<testcase classname="shared-file-thrash.naive" name="no-thrash" time="0">"#))
    #expect(xml.contains(#"<failure type="fail" message="observed 145, at most 3">at 1:00:49.6, laptop/mount-daemon restarted"#))
  }

  @Test func theHTMLPagesReferToNothingOutsideThemselves() throws {
    let pages = [HTMLReport.page(try seed004("naive")), MatrixReport.html([MatrixEntry(try seed004("naive"))])]
    for page in pages {
      for reference in ["http", "src=", "<link", "<script", "<img", "url(", "@import"] {
        #expect(!page.contains(reference), "found \(reference)")
      }
      #expect(page.contains("<svg") || page.contains("<table class=\"matrix\">"))
    }
  }

  @Test func theMarkdownLeadsWithTheVerdictAndTellsWhatHappened() throws {
    let text = MarkdownReport.text(try seed004("naive"))
    #expect(text.hasPrefix("# FAIL: shared-file-thrash × naive\n"))
    #expect(text.contains("| no-thrash | fail | 145 | at most 3 |"))
    #expect(
      text.contains(
        "laptop/mount-daemon restarted its work loop 287 times, about every 25 s, after presenting a refresh token the server refused."
      ))
  }

  @Test func everyReportIsByteIdenticalForTheSameSeed() throws {
    let first = try seed004("lease-shared")
    let second = try seed004("lease-shared")
    #expect(try RunReport(first).jsonData() == RunReport(second).jsonData())
    #expect(MarkdownReport.text(first) == MarkdownReport.text(second))
    #expect(TimelineSVG.svg(first) == TimelineSVG.svg(second))
    #expect(HTMLReport.page(first) == HTMLReport.page(second))
    #expect(try MatrixReport.json([MatrixEntry(first)]) == MatrixReport.json([MatrixEntry(second)]))
  }

  @Test func reportJSONHasEveryTopLevelKeyAndExplicitNulls() throws {
    let data = try RunReport(try seed004("naive")).jsonData()
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let keys = [
      "schemaVersion", "tool", "scenario", "strategy", "seed", "simulatedSeconds", "eventsProcessed", "verdict", "metrics",
      "checks", "timeline",
    ]
    for key in keys { #expect(object[key] != nil, "\(key)") }
    #expect(object["verdict"] as? String == "fail")
    let metrics = try #require(object["metrics"] as? [String: Any])
    #expect(metrics["timeToAlertSeconds"] is NSNull)
    #expect((metrics["retryAfterViolations"] as? [String: Int]) == ["perProcess": 0, "sharedStore": 0])
    let checks = try #require(object["checks"] as? [[String: Any]])
    #expect(checks.map { $0["id"] as? String } == CheckCatalog.all.map(\.id))
  }
}

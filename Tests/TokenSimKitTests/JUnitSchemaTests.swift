import Foundation
import Testing
import TokenSimKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// junit.xml against the constraints of Jenkins xUnit's junit-10.xsd
/// (github.com/jenkinsci/xunit-plugin, src/main/resources/org/jenkinsci/plugins/xunit/types/
/// model/xsd/junit-10.xsd), the schema CI tools validate JUnit files with, written out as checks
/// over the parsed XML: no `xmllint` or schema processor is needed. Per element, the attributes
/// it may carry, those it must, and the child elements it may hold; `time` as SUREFIRE_TIME.
@Suite struct JUnitSchemaTests {
  struct Rule {
    var allowed: Set<String>
    var required: Set<String> = []
    var children: Set<String> = []
  }

  static let rerun: Set<String> = ["rerunFailure", "rerunError", "flakyFailure", "flakyError"]
  static let rules: [String: Rule] = [
    "testsuites": Rule(allowed: ["name", "time", "tests", "failures", "errors"], children: ["testsuite"]),
    "testsuite": Rule(
      allowed: [
        "name", "tests", "failures", "errors", "group", "time", "skipped", "timestamp", "hostname", "id", "package", "file",
        "log", "url",
      ],
      required: ["name", "tests", "failures", "errors"],
      children: ["testsuite", "properties", "testcase", "system-out", "system-err"]),
    "properties": Rule(allowed: [], children: ["property"]),
    "property": Rule(allowed: ["name", "value"], required: ["name", "value"]),
    "testcase": Rule(
      allowed: ["name", "time", "classname", "group"], required: ["name"],
      children: ["skipped", "error", "failure", "system-out", "system-err"].reduce(into: rerun) { $0.insert($1) }),
    "failure": Rule(allowed: ["type", "message"]),
    "error": Rule(allowed: ["type", "message"]),
    "skipped": Rule(allowed: ["type", "message"]),
  ]

  /// Every way `xml` breaks the rules, one line each; empty when it conforms.
  static func violations(_ xml: String) throws -> [String] {
    let document = try XMLDocument(data: Data(xml.utf8))
    guard let root = document.rootElement() else { return ["no root element"] }
    var found: [String] = root.name == "testsuites" ? [] : ["root is \(root.name ?? "?"), not testsuites"]
    func visit(_ element: XMLElement) {
      let name = element.name ?? "?"
      guard let rule = rules[name] else { return found.append("element \(name) is not in the schema") }
      let attributes = Set((element.attributes ?? []).compactMap(\.name))
      for extra in attributes.subtracting(rule.allowed).sorted() { found.append("\(name) may not carry \(extra)") }
      for missing in rule.required.subtracting(attributes).sorted() { found.append("\(name) must carry \(missing)") }
      if ["testsuites", "testsuite"].contains(name), let time = element.attribute(forName: "time")?.stringValue,
        time.wholeMatch(of: /(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?/) == nil
      {
        found.append("\(name) time \(time) is not a SUREFIRE_TIME")
      }
      for child in element.children?.compactMap({ $0 as? XMLElement }) ?? [] {
        if !rule.children.contains(child.name ?? "") { found.append("\(name) may not hold \(child.name ?? "?")") }
        visit(child)
      }
    }
    visit(root)
    return found
  }

  @Test func theRulesCatchWhatTheSchemaForbids() throws {
    let bad = """
      <testsuites name="x" skipped="1"><testsuite name="s" tests="1" failures="0"><testcase classname="c">\
      <skipped message="m"/><bogus/></testcase></testsuite></testsuites>
      """
    #expect(
      try Self.violations(bad) == [
        "testsuites may not carry skipped", "testsuite must carry errors", "testcase must carry name",
        "testcase may not hold bogus", "element bogus is not in the schema",
      ])
  }

  @Test func everyJUnitFileConforms() throws {
    let scenario = try Scenario.load(path: packageRoot.appendingPathComponent("Scenarios/shared-file-thrash.json").path)
    let configured = try choice("naive", ["backoff=full-jitter"])
    let results = [
      Simulation(scenario: scenario, strategy: try choice("naive")).run(),
      Simulation(scenario: scenario, strategy: configured).run(),
    ]
    let files =
      results.map(JUnitReport.xml) + [
        JUnitReport.xml(results.map { (name: $0.scenario.name, cases: JUnitReport.cases($0)) }),
        JUnitReport.xml([(name: "s", cases: [.init(className: "s.b", name: "baseline", failure: ("regression", "m", "t"))])]),
      ]
    for file in files {
      #expect(try Self.violations(file) == [])
      #expect(file.contains("skipped=\""), "a testsuite still counts its skipped cases")
    }
  }
}

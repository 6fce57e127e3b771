/// junit.xml: one testsuite per scenario, one testcase per strategy and check, failures carrying
/// the evidence. Unknown verdicts are failures of type `unknown`; checks turned off are skipped.
public enum JUnitReport {
  /// One testcase.
  public struct Case: Codable, Sendable {
    /// `scenario.strategy`.
    public var className: String
    /// The check's id (or another name, such as `baseline`).
    public var name: String
    /// The failure's type (`fail`, `unknown`, `regression`), message and text; nil when it passed.
    public var failure: (type: String, message: String, text: String)?
    /// Why it was skipped; nil when it ran.
    public var skipped: String?

    /// A case.
    public init(
      className: String, name: String, failure: (type: String, message: String, text: String)? = nil, skipped: String? = nil
    ) {
      self.className = className
      self.name = name
      self.failure = failure
      self.skipped = skipped
    }

    private enum CodingKeys: String, CodingKey { case className, name, failureType, failureMessage, failureText, skipped }

    /// Reads a case written by `encode(to:)` (shard files).
    public init(from decoder: any Decoder) throws {
      let values = try decoder.container(keyedBy: CodingKeys.self)
      className = try values.decode(String.self, forKey: .className)
      name = try values.decode(String.self, forKey: .name)
      skipped = try values.decodeIfPresent(String.self, forKey: .skipped)
      if let type = try values.decodeIfPresent(String.self, forKey: .failureType) {
        failure = (
          type, try values.decode(String.self, forKey: .failureMessage), try values.decode(String.self, forKey: .failureText)
        )
      }
    }

    /// Writes the case with its failure as three keys.
    public func encode(to encoder: any Encoder) throws {
      var values = encoder.container(keyedBy: CodingKeys.self)
      try values.encode(className, forKey: .className)
      try values.encode(name, forKey: .name)
      try values.encodeIfPresent(skipped, forKey: .skipped)
      try values.encodeIfPresent(failure?.type, forKey: .failureType)
      try values.encodeIfPresent(failure?.message, forKey: .failureMessage)
      try values.encodeIfPresent(failure?.text, forKey: .failureText)
    }
  }

  /// The cases of one run's checks.
  public static func cases(_ result: RunResult) -> [Case] {
    result.analysis.checks.map { check in
      var testCase = Case(className: "\(result.scenario.name).\(result.strategyName)", name: check.id)
      switch check.verdict {
      case .pass: break
      case .skipped: testCase.skipped = check.evidence?.what ?? "skipped"
      case .fail, .unknown:
        let message = "observed \(ReportText.value(check.observed, of: check.id)), \(ReportText.threshold(check))"
        testCase.failure = (check.verdict.rawValue, message, ReportText.evidence(check.evidence))
      }
      return testCase
    }
  }

  /// junit.xml of one run: its scenario as the testsuite, with the strategy's configuration as
  /// properties when it is a configured one.
  public static func xml(_ result: RunResult) -> String {
    xml([(name: result.scenario.name, cases: cases(result))], configuration: result.configuration)
  }

  /// The XML for suites in order, each a scenario name with its cases; a configured strategy's
  /// base and overrides become each testsuite's properties (`strategy.base`, `strategy.NAME`).
  public static func xml(_ suites: [(name: String, cases: [Case])], configuration: StrategyConfiguration? = nil) -> String {
    let all = suites.flatMap(\.cases)
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<testsuites name=\"tokensim\" \(counts(all, skipped: false))>",
    ]
    for suite in suites {
      lines.append("  <testsuite name=\"\(Markup.escape(suite.name))\" \(counts(suite.cases))>")
      lines += configuration.map(properties) ?? []
      lines += suite.cases.map(element)
      lines.append("  </testsuite>")
    }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n") + "\n"
  }

  private static func properties(_ configuration: StrategyConfiguration) -> [String] {
    let pairs = [("strategy.base", configuration.base)] + configuration.overrides.map { ("strategy.\($0.name)", $0.value) }
    return ["    <properties>"]
      + pairs.map { "      <property name=\"\(Markup.escape($0.0))\" value=\"\(Markup.escape($0.1))\"/>" }
      + ["    </properties>"]
  }

  /// The count attributes. `<testsuites>` takes no `skipped` in the JUnit schemas CI tools
  /// validate against (Jenkins xUnit's junit-10.xsd allows name, time, tests, failures and
  /// errors), so only a `<testsuite>` carries it.
  private static func counts(_ cases: [Case], skipped withSkipped: Bool = true) -> String {
    let failures = cases.filter { $0.failure != nil }.count
    let skipped = withSkipped ? " skipped=\"\(cases.filter { $0.skipped != nil }.count)\"" : ""
    return "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\"\(skipped) time=\"0\""
  }

  private static func element(_ testCase: Case) -> String {
    let open =
      "    <testcase classname=\"\(Markup.escape(testCase.className))\" name=\"\(Markup.escape(testCase.name))\" time=\"0\""
    if let failure = testCase.failure {
      return open + ">\n      <failure type=\"\(Markup.escape(failure.type))\" message=\"\(Markup.escape(failure.message))\">"
        + Markup.escape(failure.text) + "</failure>\n    </testcase>"
    }
    if let skipped = testCase.skipped {
      return open + ">\n      <skipped message=\"\(Markup.escape(skipped))\"/>\n    </testcase>"
    }
    return open + "/>"
  }
}

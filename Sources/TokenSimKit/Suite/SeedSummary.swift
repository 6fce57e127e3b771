import Foundation

/// seeds.json and seeds.md, which `run --seeds` writes beside the per-seed reports: one row per
/// seed (in the order given) with its verdict, availability, token requests and failing checks,
/// and how many seeds passed.
public enum SeedSummary {
  /// The outcome of one seed.
  public typealias Outcome = (seed: UInt64, entry: MatrixEntry)

  /// Writes seeds.json and seeds.md into `directory`.
  public static func write(
    _ outcomes: [Outcome], scenario: Scenario, strategy: StrategyChoice, to directory: String
  ) throws(SuiteError) {
    do {
      try FileOutput.write(json(outcomes, scenario: scenario, strategy: strategy), to: "\(directory)/seeds.json")
      try FileOutput.write(markdown(outcomes, scenario: scenario, strategy: strategy), to: "\(directory)/seeds.md")
    } catch {
      throw SuiteError("cannot write the seed summary into \(directory): \(error.localizedDescription)")
    }
  }

  /// seeds.json: keys sorted, ending in a newline.
  public static func json(_ outcomes: [Outcome], scenario: Scenario, strategy: StrategyChoice) throws -> Data {
    struct Row: Encodable {
      var seed: UInt64
      var verdict: CheckVerdict
      var availability: Double
      var tokenRequests: Int
      var failedChecks: [String]
      var unknownChecks: [String]
      var report: String
    }
    struct Document: Encodable {
      var schemaVersion = 1
      var tool = RunReport.ToolInfo()
      var scenario: String
      var strategy: String
      var base: String?
      var overrides: [String: String]?
      var passed: Int
      var seeds: [Row]
    }
    let rows = outcomes.map { seed, entry in
      Row(
        seed: seed, verdict: entry.verdict, availability: entry.metrics.availability,
        tokenRequests: entry.metrics.tokenRequests, failedChecks: entry.checks.filter { $0.verdict == .fail }.map(\.id),
        unknownChecks: entry.checks.filter { $0.verdict == .unknown }.map(\.id), report: "seed-\(seed)/report.json")
    }
    let document = Document(
      scenario: scenario.name, strategy: strategy.name, base: strategy.configuration?.base,
      overrides: strategy.configuration?.overrideValues, passed: passed(outcomes), seeds: rows)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(document) + Data([0x0A])
  }

  /// seeds.md: a heading, the configuration, a row per seed and the count that passed.
  public static func markdown(_ outcomes: [Outcome], scenario: Scenario, strategy: StrategyChoice) -> String {
    var lines = ["# \(scenario.name) × \(strategy.name) under \(outcomes.count) seeds", ""]
    if let configuration = strategy.configuration { lines += ["Strategy `\(strategy.name)`: \(configuration.description).", ""] }
    lines += ["| seed | verdict | availability | token requests | failing checks |", "|---|---|---|---|---|"]
    for (seed, entry) in outcomes {
      let failing = entry.problems.map(\.id).joined(separator: ", ")
      let cells = [
        "[\(seed)](seed-\(seed)/report.md)", entry.verdict.rawValue, Figures.percent(entry.metrics.availability),
        Figures.grouped(entry.metrics.tokenRequests), failing,
      ]
      lines.append("| " + cells.map(MarkdownReport.cell).joined(separator: " | ") + " |")
    }
    lines += ["", "\(passed(outcomes)) of \(outcomes.count) seeds passed."]
    return lines.joined(separator: "\n") + "\n"
  }

  private static func passed(_ outcomes: [Outcome]) -> Int { outcomes.count { $0.entry.verdict == .pass } }
}

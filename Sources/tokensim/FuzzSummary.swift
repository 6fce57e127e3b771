import Foundation
import TokenSimKit

/// What `tokensim fuzz` prints and writes as DIR/fuzz.json: how much ran, the count of each kind
/// of finding, how the runs stopped, and every finding with its scenario file and replay command.
struct FuzzSummary: Codable {
  var seed: UInt64
  var scenarios: Int
  var runs: Int
  var strategies: [String]
  var eventBudget: Int
  /// The most processes at once a drawn scenario had (`--population`).
  var population: Int
  /// When invariants were checked (`end`, `every-event`).
  var invariants: String
  var wallSeconds: Double
  var counts: [String: Int]
  var stopReasons: [String: Int]
  var findings: [FuzzFinding]
  private var directory: String

  init(campaign: FuzzCampaign, wallSeconds: Double) {
    seed = campaign.settings.seed
    scenarios = campaign.scenarios
    runs = campaign.runs
    strategies = campaign.strategies
    eventBudget = campaign.settings.eventBudget
    population = campaign.settings.population
    invariants = campaign.settings.invariants.rawValue
    self.wallSeconds = wallSeconds
    counts = Dictionary(uniqueKeysWithValues: FuzzFinding.Kind.allCases.map { ($0.rawValue, campaign.count($0)) })
    stopReasons = campaign.stops
    findings = campaign.findings
    directory = campaign.settings.directory
  }

  /// The lines printed at the end.
  var text: String {
    let kinds = FuzzFinding.Kind.allCases.map { "\($0.plural) \(counts[$0.rawValue] ?? 0)" }
    let stops = stopReasons.sorted { $0.key < $1.key }.map { "\($0.key) \(Figures.grouped($0.value))" }
    var lines = [
      "fuzz: \(Figures.grouped(scenarios)) scenarios × \(strategies.count) strategies = \(Figures.grouped(runs)) runs in "
        + String(format: "%.0f", wallSeconds) + " s (seed \(seed), event budget \(Figures.grouped(eventBudget)), "
        + "population \(Figures.grouped(population)), invariants \(invariants))",
      "  " + kinds.joined(separator: ", "),
      "  stopped: " + (stops.isEmpty ? "none" : stops.joined(separator: ", ")),
    ]
    for finding in findings {
      lines.append(
        "  \(finding.kind.rawValue): \(finding.file) × \(finding.strategy): \(finding.detail.split(separator: "\n").first ?? "")")
      lines.append("    replay: \(finding.replay)")
    }
    lines.append("wrote \(directory)/fuzz.json" + (findings.isEmpty ? "" : " and each finding's scenario file"))
    return lines.joined(separator: "\n")
  }

  /// Writes DIR/fuzz.json.
  func write() throws(CommandFailure) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do {
      try encoder.encode(self).write(to: URL(fileURLWithPath: "\(directory)/fuzz.json"))
    } catch {
      throw CommandFailure(status: 2, message: "cannot write \(directory)/fuzz.json: \(error.localizedDescription)")
    }
  }

  private enum CodingKeys: String, CodingKey {
    case seed, scenarios, runs, strategies, eventBudget, population, invariants, wallSeconds, counts, stopReasons,
      findings
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    seed = try container.decode(UInt64.self, forKey: .seed)
    scenarios = try container.decode(Int.self, forKey: .scenarios)
    runs = try container.decode(Int.self, forKey: .runs)
    strategies = try container.decode([String].self, forKey: .strategies)
    eventBudget = try container.decode(Int.self, forKey: .eventBudget)
    population = try container.decode(Int.self, forKey: .population)
    invariants = try container.decode(String.self, forKey: .invariants)
    wallSeconds = try container.decode(Double.self, forKey: .wallSeconds)
    counts = try container.decode([String: Int].self, forKey: .counts)
    stopReasons = try container.decode([String: Int].self, forKey: .stopReasons)
    findings = try container.decode([FuzzFinding].self, forKey: .findings)
    directory = ""
  }
}

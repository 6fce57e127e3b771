import Foundation

/// A complete, validated scenario: the server, the hosts and their processes, how long to run.
public struct Scenario: Equatable, Sendable {
  /// A short unique name, used for report directories.
  public var name: String
  /// What the scenario reproduces and where its numbers come from.
  public var description: String
  /// The file it was read from ("" when built in code), for messages; reports name the scenario
  /// by `name` and `digest` instead, so they do not depend on the path it was given by.
  public var file: String
  /// `sha256:` and the SHA-256 of the file's text, which tells apart two versions of a scenario
  /// whatever path they were read from ("" when built in code).
  public var digest = ""
  /// Simulated time to run.
  public var duration: SimDuration
  /// The seed used when none is given on the command line.
  public var seed: UInt64
  /// The most events a run may process before it is stopped.
  public var eventBudget: Int
  /// The authorization server.
  public var server: ServerConfig
  /// The hosts.
  public var hosts: [HostConfig]
  /// Thresholds of its own for the conformance checks, and checks turned off.
  public var checks = CheckSettings()
  /// Strategy configurations of this scenario's own (a built-in base with parameters, like a
  /// strategy file), which `tokensim suite` runs after the built-in strategies.
  public var variants: [StrategyChoice] = []
  /// What each built-in strategy and variant must get (`tokensim suite` compares), or nil.
  public var expectations: ScenarioExpectations?

  /// Creates a scenario in code.
  public init(
    name: String, description: String = "", duration: SimDuration, seed: UInt64 = 1, eventBudget: Int = 50_000_000,
    server: ServerConfig = ServerConfig(), hosts: [HostConfig]
  ) {
    self.name = name
    self.description = description
    self.file = ""
    self.duration = duration
    self.seed = seed
    self.eventBudget = eventBudget
    self.server = server
    self.hosts = hosts
  }

  static let keys = [
    "name", "description", "duration", "seed", "eventBudget", "server", "hosts", "checks", "variants", "expect",
  ]

  /// Reads and validates the scenario file at `path`.
  public static func load(path: String) throws(ScenarioError) -> Scenario {
    try parse(JSONDocument.text(path: path, what: "a readable scenario file"), file: path)
  }

  /// Reads and validates scenario text; `file` names it in errors.
  public static func parse(_ text: String, file: String) throws(ScenarioError) -> Scenario {
    var scenario = try Scenario(reading: JSONDocument.parse(text, file: file))
    scenario.digest = "sha256:" + SHA256.hex(text.utf8)
    return scenario
  }

  init(reading reader: JSONReader) throws(ScenarioError) {
    let object = try reader.object(keys: Scenario.keys)
    name = try object.required("name", expected: "the scenario's name").name()
    description = try object.required("description", expected: "a sentence saying what it reproduces").string()
    file = reader.file
    duration = try object.required("duration", expected: "how long to run, such as \"1d\"").duration(
      in: .seconds(1)...SimDuration.days(3_650))
    seed = UInt64(try object.optional("seed")?.integer(in: 0...Int(Int32.max)) ?? 1)
    eventBudget = try object.optional("eventBudget")?.integer(in: 1_000...2_000_000_000) ?? 50_000_000
    server = try object.optional("server").map(ServerConfig.init(reading:)) ?? ServerConfig()
    let hostReaders = try object.required("hosts", expected: "an array of hosts").array(maximumCount: 100_000)
    guard !hostReaders.isEmpty else { throw object.reader.error(expected: "at least one host in \"hosts\"") }
    hosts = try hostReaders.map(HostConfig.init(reading:))
    if let checks = object.optional("checks") { self.checks = try CheckSettings(reading: checks) }
    variants = try object.optional("variants").map(Self.variants) ?? []
    let names = StrategyCatalog.all.map(\.name) + variants.map(\.name)
    expectations = try object.optional("expect").map { reader throws(ScenarioError) in
      try ScenarioExpectations(reading: reader, names: names)
    }
    try ScenarioCrossReferences.crossCheck(self, object: object, hostReaders: hostReaders)
    try Self.checkHostCount(hosts, reader: object.reader)
    try ScenarioPopulation.check(hosts, reader: object.reader)
    hosts = hosts.flatMap(\.expanded)
  }

  /// Refuses more than 100,000 hosts with copies counted, before expanding them (100,000
  /// entries of 10,000 copies each would be a billion hosts to build).
  private static func checkHostCount(_ hosts: [HostConfig], reader: JSONReader) throws(ScenarioError) {
    let total = hosts.reduce(0) { $0 + $1.copies }
    guard total <= 100_000 else {
      throw ScenarioError(
        file: reader.file, path: reader.path + ".hosts", line: reader.node.line,
        expected: "at most 100000 hosts, copies included", found: "\(total) hosts")
    }
  }

  /// Reads `variants`: strategy-file objects with names of their own, unique and unlike any
  /// built-in strategy's.
  private static func variants(_ reader: JSONReader) throws(ScenarioError) -> [StrategyChoice] {
    var variants: [StrategyChoice] = []
    for element in try reader.array(maximumCount: 50) {
      let variant = try StrategyFile.read(element)
      let taken = StrategyCatalog.all.map(\.name) + variants.map(\.name)
      // Without a "name" a variant is named after its base, which is taken.
      guard !taken.contains(variant.name) else {
        throw element.error(expected: "a \"name\" of its own, unlike every built-in strategy and other variant")
      }
      variants.append(variant)
    }
    return variants
  }
}

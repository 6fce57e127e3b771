/// How many processes a scenario may have at once, estimated before a run: a host entry's
/// `copies` × (each daemon's `count`, each CLI's cron `burst` or 1, and a broker). A scenario
/// beyond `limit` would not fit in memory and is refused at validation, naming the product.
public enum ScenarioPopulation {
  /// The most processes a scenario may have at once.
  public static let limit = 1_000_000
  /// The most hosts, copies counted.
  public static let maximumHosts = 100_000

  /// The processes one host entry stands for at once: copies × (its processes' counts, plus a broker).
  public static func estimate(_ host: HostConfig) -> Int {
    host.copies * perCopy(host)
  }

  /// The processes one copy of `host` has at once, a broker included.
  static func perCopy(_ host: HostConfig) -> Int {
    host.processes.reduce(host.processes.contains { $0.role == .broker } ? 0 : 1) { $0 + atOnce($1) }
  }

  /// How many instances of one process may run at once, as far as validation can tell.
  static func atOnce(_ process: ProcessConfig) -> Int {
    switch process.arrivals {
    case .cron(_, let burst)?: return burst
    case .every?, .poisson?: return 1
    case nil: return process.count
    }
  }

  /// Refuses hosts that would have more than `limit` processes at once, naming the product of
  /// the largest host entry (`hosts[0] "web": copies 100 × (count 1000 "sync" + 1 broker)`).
  static func check(_ hosts: [HostConfig], reader: JSONReader) throws(ScenarioError) {
    let estimates = hosts.map(estimate)
    let total = estimates.reduce(0, +)
    guard total > limit, let largest = estimates.indices.max(by: { estimates[$0] < estimates[$1] }) else { return }
    throw ScenarioError(
      file: reader.file, path: reader.path + ".hosts", line: reader.node.line,
      expected:
        "at most \(grouped(limit)) processes at once (copies × each daemon's count or CLI's burst, and a broker per host)",
      found: "\(grouped(total)) in all, the most from $.hosts[\(largest)] \"\(hosts[largest].name)\": " + product(hosts[largest]))
  }

  /// `copies 100 × (count 1000 "sync" + burst 20 "cli" + 1 broker) = 102,100`.
  static func product(_ host: HostConfig) -> String {
    var terms = host.processes.map { process -> String in
      switch process.arrivals {
      case .cron(_, let burst)?: return "burst \(grouped(burst)) \"\(process.name)\""
      case .every?, .poisson?: return "1 \"\(process.name)\""
      case nil: return "count \(grouped(process.count)) \"\(process.name)\""
      }
    }
    if !host.processes.contains(where: { $0.role == .broker }) { terms.append("1 broker") }
    return "copies \(grouped(host.copies)) × (" + terms.joined(separator: " + ") + ") = \(grouped(estimate(host)))"
  }

  private static func grouped(_ value: Int) -> String { Figures.grouped(value) }
}

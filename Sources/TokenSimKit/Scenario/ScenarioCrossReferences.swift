/// Checks that need the whole scenario: unique names, references that resolve.
enum ScenarioCrossReferences {
  static func crossCheck(_ scenario: Scenario, object: ObjectReader, hostReaders: [JSONReader]) throws(ScenarioError) {
    var seenHosts: Set<String> = []
    for (host, reader) in zip(scenario.hosts, hostReaders) {
      for name in host.expanded.map(\.name) where !seenHosts.insert(name).inserted {
        throw reader.error(expected: "a host name not used before (\"\(name)\" is)")
      }
      try checkProcesses(host, reader: reader)
    }
    let events = try object.optional("server")?.object(keys: ServerConfig.keys).optional("securityEvents")?.array() ?? []
    for (event, reader) in zip(scenario.server.securityEvents, events) {
      if let host = event.host, !seenHosts.contains(host) {
        throw reader.error(
          expected: "a \"host\" that the scenario declares",
          suggestion: Spelling.closest(to: host, among: seenHosts.sorted()))
      }
    }
  }

  private static func checkProcesses(_ host: HostConfig, reader: JSONReader) throws(ScenarioError) {
    let readers = try reader.object(keys: HostConfig.keys).optional("processes")?.array() ?? []
    var seen: Set<String> = []
    for (process, processReader) in zip(host.processes, readers) {
      guard seen.insert(process.name).inserted else {
        throw processReader.error(expected: "a process name not used before on host \"\(host.name)\"")
      }
    }
    let brokers = host.processes.filter { $0.role == .broker }
    if brokers.count > 1 || brokers.first.map({ $0.count > 1 }) == true {
      throw reader.error(expected: "at most one broker process on host \"\(host.name)\"")
    }
  }
}

import Foundation
import TokenSimKit

/// `tokensim run SCENARIO.json --strategy NAME [--seed N] [--out DIR] [--trace]`
enum RunCommand {
  static let help = """
    Usage: tokensim run SCENARIO.json --strategy NAME [--seed N] [--out DIR] [--trace]

    Runs one scenario with one client strategy on virtual time, prints a short summary and
    writes DIR/report.json (default DIR: Reports/<scenario>/<strategy>/).

    Options:
      --strategy NAME   the client strategy (see `tokensim list strategies`)
      --seed N          root seed, 0 to 4294967295 (default: the scenario's seed)
      --out DIR         where to write report.json (and trace.jsonl)
      --trace           also write trace.jsonl, one event per line in time order
      --help            show this help

    Exit status: 0 after a run, 2 when the scenario or the options are wrong (nothing is written).
    """

  static func main(_ words: [String]) throws(CommandFailure) {
    let arguments = try parse(words, valued: ["strategy", "seed", "out"], flags: ["trace", "help"], help: help)
    guard arguments.positional.count == 1 else {
      throw CommandFailure(
        status: 2, message: "run takes exactly one scenario file (given \(arguments.positional.count))\n\n\(help)")
    }
    let entry = try strategy(named: arguments.value("strategy"))
    let seed = try parseSeed(arguments.value("seed"))
    let scenario = try loadScenario(arguments.positional[0])
    let started = Date()
    let result = Simulation(scenario: scenario, strategyName: entry.name, seed: seed, makeStrategy: entry.make).run()
    let wall = Date().timeIntervalSince(started)
    let directory = arguments.value("out") ?? "Reports/\(scenario.name)/\(entry.name)"
    try writeOutputs(result, to: directory, trace: arguments.flags.contains("trace"))
    print(RunSummary.text(result, wallSeconds: wall, directory: directory, trace: arguments.flags.contains("trace")))
  }

  static func strategy(named name: String?) throws(CommandFailure) -> StrategyCatalog.Entry {
    let names = StrategyCatalog.all.map(\.name)
    guard let name else {
      throw CommandFailure(status: 2, message: "--strategy is required: one of \(names.joined(separator: ", "))")
    }
    guard let entry = StrategyCatalog.named(name) else {
      let hint = closest(name, among: names).map { " (did you mean \($0)?)" } ?? ""
      throw CommandFailure(status: 2, message: "unknown strategy \"\(name)\"\(hint); known: \(names.joined(separator: ", "))")
    }
    return entry
  }

  static func parseSeed(_ text: String?) throws(CommandFailure) -> UInt64? {
    guard let text else { return nil }
    guard let seed = UInt64(text), seed <= UInt64(UInt32.max) else {
      throw CommandFailure(status: 2, message: "--seed takes a whole number from 0 to 4294967295, not \"\(text)\"")
    }
    return seed
  }

  static func writeOutputs(_ result: RunResult, to directory: String, trace: Bool) throws(CommandFailure) {
    do {
      try FileOutput.write(RunReport(result).jsonData(), to: directory + "/report.json")
      if trace {
        let lines = result.trace.map(TraceLine.json).joined(separator: "\n") + "\n"
        try FileOutput.write(lines, to: directory + "/trace.jsonl")
      }
    } catch {
      throw CommandFailure(status: 2, message: "cannot write to \(directory): \(error.localizedDescription)")
    }
  }
}

/// Parses a command's words, answering `--help` and turning mistakes into exit status 2.
func parse(_ words: [String], valued: [String], flags: [String], help: String) throws(CommandFailure) -> Arguments {
  let arguments: Arguments
  do { arguments = try Arguments(words, valued: valued, flags: flags) } catch {
    throw CommandFailure(status: 2, message: "\(error.message)\n\n\(help)")
  }
  if arguments.flags.contains("help") { throw CommandFailure(status: 0, message: help) }
  return arguments
}

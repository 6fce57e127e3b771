import Foundation
import TokenSimKit

/// `tokensim run SCENARIO.json --strategy NAME [--seed N] [--out DIR] [--trace]`
enum RunCommand {
  static let help = """
    Usage: tokensim run SCENARIO.json (--strategy NAME | --strategy-file FILE) [--param NAME=VALUE]...
                       [--seed N | --seeds LIST [--jobs N]] [--out DIR] [--trace]

    Runs one scenario with one client strategy on virtual time, prints the verdict and a short
    summary, and writes into DIR (default: Reports/<scenario>/<strategy>/): report.json,
    report.md, junit.xml, timeline.svg and index.html (and trace.jsonl with --trace).

    With --seeds, runs once per seed, --jobs at a time, writes each into DIR/seed-N/ and prints
    one line per seed (the same bytes for any --jobs).

    Options:
      --strategy NAME        a built-in client strategy (see `tokensim list strategies`)
      --strategy-file FILE   a JSON file naming a base strategy and parameter overrides
      --param NAME=VALUE     override one parameter, such as advisoryWindow=10m; repeatable
                             (see `tokensim list strategies --verbose`)
      --seed N               root seed, 0 to 4294967295 (default: the scenario's seed)
      --seeds LIST           several root seeds, such as 1-8 or 1,5,9-12 (at most 10000)
      --jobs N               with --seeds: runs at once (default: the number of cores)
      --out DIR              where to write the reports
      --trace                also write trace.jsonl, one event per line in time order
      --help                 show this help

    Exit status: 0 after a run whatever its verdict (use `tokensim check` to gate on it), 2 when
    the scenario or the options are wrong (nothing is written).
    """

  static func main(_ words: [String]) throws(CommandFailure) {
    let arguments = try parse(
      words, valued: ["strategy", "strategy-file", "param", "seed", "seeds", "jobs", "out"], flags: ["trace", "help"],
      help: help)
    guard arguments.positional.count == 1 else {
      throw CommandFailure(
        status: 2, message: "run takes exactly one scenario file (given \(arguments.positional.count))\n\n\(help)")
    }
    let choice = try strategyChoice(arguments)
    let seed = try parseSeed(arguments.value("seed"))
    let seeds = try arguments.value("seeds").map(SeedSweep.parse)
    let jobs = try Jobs.parse(arguments.value("jobs"))
    guard seed == nil || seeds == nil else { throw CommandFailure(status: 2, message: "give --seed or --seeds, not both") }
    guard seeds != nil || arguments.value("jobs") == nil else {
      throw CommandFailure(status: 2, message: "--jobs goes with --seeds: one run has nothing to run in parallel")
    }
    let scenario = try loadScenario(arguments.positional[0])
    let directory = arguments.value("out") ?? "Reports/\(scenario.name)/\(choice.name)"
    if let seeds {
      return try SeedSweep.run(
        scenario, strategy: choice, seeds: seeds, directory: directory, trace: arguments.flags.contains("trace"), jobs: jobs)
    }
    let trace = arguments.flags.contains("trace")
    let (result, wall) = try runAndWrite(scenario, strategy: choice, seed: seed, to: directory, trace: trace)
    print(RunSummary.text(result, wallSeconds: wall, directory: directory, trace: trace))
  }

  /// Runs once and writes every report into `directory`, with trace.jsonl streamed as the run
  /// goes when `trace` (and removed if a report cannot be written). Returns the wall seconds the
  /// simulation took.
  static func runAndWrite(
    _ scenario: Scenario, strategy: StrategyChoice, seed: UInt64?, to directory: String, trace: Bool
  ) throws(CommandFailure) -> (result: RunResult, wallSeconds: Double) {
    let traceFile = trace ? try TraceFile(path: directory + "/trace.jsonl") : nil
    let started = Date()
    let result = Simulation(scenario: scenario, strategy: strategy, seed: seed).run(
      trace: traceFile.map { file in .stream(file.append) } ?? .discard)
    let wall = Date().timeIntervalSince(started)
    do throws(CommandFailure) {
      try writeOutputs(result, to: directory)
      try traceFile?.commit()
    } catch {
      traceFile?.discard()
      throw error
    }
    return (result, wall)
  }

  /// The strategy chosen by `--strategy` or `--strategy-file`, with the `--param` overrides.
  static func strategyChoice(_ arguments: Arguments) throws(CommandFailure) -> StrategyChoice {
    let (name, file) = (arguments.value("strategy"), arguments.value("strategy-file"))
    guard (name == nil) != (file == nil) else {
      let names = StrategyCatalog.all.map(\.name).joined(separator: ", ")
      let message =
        name == nil
        ? "--strategy NAME or --strategy-file FILE is required; built-in strategies: \(names)"
        : "give --strategy or --strategy-file, not both"
      throw CommandFailure(status: 2, message: message)
    }
    do throws(ScenarioError) {
      var choice: StrategyChoice
      if let file { choice = try StrategyFile.load(path: file) } else { choice = try StrategyChoice(named: name!) }
      for argument in arguments.options["param"] ?? [] { try choice.parameters.set(argument: argument) }
      return choice
    } catch {
      throw CommandFailure(status: 2, message: error.description)
    }
  }

  static func parseSeed(_ text: String?) throws(CommandFailure) -> UInt64? {
    guard let text else { return nil }
    guard let seed = UInt64(text), seed <= UInt64(UInt32.max) else {
      throw CommandFailure(status: 2, message: "--seed takes a whole number from 0 to 4294967295, not \"\(text)\"")
    }
    return seed
  }

  /// Writes every report of one run into `directory`.
  static func writeOutputs(_ result: RunResult, to directory: String) throws(CommandFailure) {
    do {
      try FileOutput.write(RunReport(result).jsonData(), to: directory + "/report.json")
      try FileOutput.write(MarkdownReport.text(result), to: directory + "/report.md")
      let suite = (name: result.scenario.name, cases: JUnitReport.cases(result))
      try FileOutput.write(JUnitReport.xml([suite]), to: directory + "/junit.xml")
      try FileOutput.write(TimelineSVG.svg(result), to: directory + "/timeline.svg")
      try FileOutput.write(HTMLReport.page(result), to: directory + "/index.html")
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

import Foundation
import TokenSimKit

let usage = """
  tokensim \(TokenSim.version): a fault-injection simulator for OAuth refresh-token clients.

  Usage: tokensim COMMAND [OPTIONS]

  Commands:
    run SCENARIO.json --strategy NAME   run one scenario with one strategy and write its reports
    compare SCENARIO_OR_DIR...          run scenarios × strategies and print the verdict matrix
    check SCENARIO_OR_DIR... --strategy NAME
                                        the release gate: exit 1 when a check fails or a metric regressed
    suite [DIR]                         compare every scenario in DIR (default Scenarios) with every strategy
    merge SHARD_DIR...                  combine the outputs of compare/suite --shard I/N into one report
    validate FILE...                    check scenario files without running them
    bench [MANIFEST]                    measure the benchmark workloads (make bench)
    list strategies|checks              list the built-in strategies or conformance checks

  `tokensim COMMAND --help` describes each command.
  """

let commands: [String: ([String]) throws(CommandFailure) -> Void] = [
  "run": RunCommand.main, "validate": ValidateCommand.main, "list": ListCommand.main, "suite": SuiteCommand.main,
  "compare": CompareCommand.main, "check": CheckCommand.main, "bench": BenchCommand.main,
  "merge": MergeCommand.main,
]

var words = Array(CommandLine.arguments.dropFirst())
if words.isEmpty || words == ["--help"] || words == ["-h"] || words == ["help"] {
  print(usage)
  exit(words.isEmpty ? 2 : 0)
}
if words == ["--version"] {
  print(TokenSim.version)
  exit(0)
}
let name = words.removeFirst()
guard let command = commands[name] else {
  let hint = closest(name, among: commands.keys.sorted()).map { " (did you mean \($0)?)" } ?? ""
  FileHandle.standardError.write(Data("tokensim: unknown command \"\(name)\"\(hint)\n\n\(usage)\n".utf8))
  exit(2)
}
do {
  try command(words)
} catch {
  if error.status == 0 {
    print(error.message)
  } else {
    FileHandle.standardError.write(Data("tokensim: \(error.message)\n".utf8))
  }
  exit(error.status)
}

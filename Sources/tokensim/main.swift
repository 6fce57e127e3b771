import Foundation
import TokenSimKit

/// Prints `failure` (stdout for status 0, else stderr with the tool's name) and exits with its status.
func finish(_ failure: CommandFailure) -> Never {
  if failure.status == 0 {
    print(failure.message)
  } else {
    FileHandle.standardError.write(Data("tokensim: \(failure.message)\n".utf8))
  }
  exit(failure.status)
}

/// The failure of naming no command: exit 2 with the closest one.
func unknownCommand(_ name: String) -> CommandFailure {
  let hint = closest(name, among: CommandList.all.map { $0.spec.name }).map { " (did you mean \($0)?)" } ?? ""
  return CommandFailure(status: 2, message: "unknown command \"\(name)\"\(hint)\n\n\(CommandList.usage)")
}

var words = Array(CommandLine.arguments.dropFirst())
if words.isEmpty || words == ["--help"] || words == ["-h"] || words == ["help"] {
  print(CommandList.usage)
  exit(words.isEmpty ? 2 : 0)
}
if words == ["--version"] {
  print(TokenSim.version)
  exit(0)
}
if words.first == "help" {
  guard words.count == 2 else { finish(CommandFailure(status: 2, message: "help takes one command\n\n\(CommandList.usage)")) }
  guard let command = CommandList.command(named: words[1]) else { finish(unknownCommand(words[1])) }
  finish(CommandFailure(status: 0, message: command.spec.help))
}
let name = words.removeFirst()
guard let command = CommandList.command(named: name) else { finish(unknownCommand(name)) }
do {
  try command.main(words)
} catch {
  finish(error)
}

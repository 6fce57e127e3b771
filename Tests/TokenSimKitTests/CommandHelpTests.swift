import Foundation
import Testing

/// Every command's `--help` through the executable: it is there, `help COMMAND` gives the same
/// page, it lists every option the parser accepts and the parser accepts every option it lists.
@Suite(.serialized) struct CommandHelpTests {
  static let commands = ["run", "compare", "check", "suite", "merge", "validate", "bench", "serve", "list", "fuzz"]

  /// The `--name` options listed under `Options:`.
  static func listedOptions(_ help: String) -> [String] {
    guard let section = help.components(separatedBy: "\nOptions:\n").last else { return [] }
    return section.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("  --") else { return nil }
      return String(line.dropFirst(2).prefix { $0 != " " })
    }
  }

  /// Every `--name` written anywhere in `text` outside backquotes (which quote other commands).
  static func mentionedOptions(_ page: String) -> Set<String> {
    let text = page.split(separator: "`", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset.isMultiple(of: 2) }.map(\.element).joined(separator: " ")
    let pattern = try! NSRegularExpression(pattern: "--[a-z][a-z-]*")
    let range = NSRange(text.startIndex..., in: text)
    return Set(pattern.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) })
  }

  @Test func theCommandListNamesEveryCommand() throws {
    let usage = try tokensim(["--help"])
    #expect(usage.status == 0)
    let listed = usage.stdout.components(separatedBy: "Commands:\n")[1].split(separator: "\n")
      .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }.map { String($0.split(separator: " ")[0]) }
    #expect(listed == Self.commands)
  }

  @Test(arguments: commands) func helpListsEveryOptionTheParserAccepts(command: String) throws {
    let help = try tokensim([command, "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.hasPrefix("Usage: tokensim \(command) "))
    #expect(try tokensim(["help", command]).stdout == help.stdout)
    #expect(try tokensim([command, "-h"]).stdout == help.stdout)
    let listed = Self.listedOptions(help.stdout)
    #expect(listed.last == "--help")
    #expect(Self.mentionedOptions(help.stdout).subtracting(listed).isEmpty, "the page mentions only declared options")
    for option in listed where option != "--help" {
      let result = try tokensim([command, option])
      #expect(result.status == 2, "\(command) \(option)")
      #expect(!result.stderr.contains("unknown option"), "\(command) accepts \(option): \(result.stderr)")
    }
  }

  @Test(arguments: commands) func anUnknownOptionOrAMissingValueNamesTheOptionAndTheCommand(command: String) throws {
    let unknown = try tokensim([command, "--no-such-option"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown option --no-such-option for \(command)"), "\(unknown.stderr)")
    #expect(unknown.stderr.contains("See `tokensim \(command) --help`"))
    let valued = Self.listedOptions(try tokensim([command, "--help"]).stdout).filter {
      ["--out", "--jobs", "--json", "--strategy"].contains($0)
    }
    for option in valued {
      let missing = try tokensim([command, "x", option])
      #expect(missing.status == 2)
      #expect(missing.stderr.contains("option \(option) of \(command) needs a value"), "\(missing.stderr)")
    }
  }

  @Test func helpForAnUnknownCommandSuggestsOne() throws {
    let result = try tokensim(["help", "rnu"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("did you mean run?"))
  }

  @Test func aFlagGivenAValueIsRefused() throws {
    let result = try tokensim(["run", "Scenarios/quiet-day.json", "--strategy", "naive", "--trace=yes"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("option --trace of run takes no value"))
  }
}

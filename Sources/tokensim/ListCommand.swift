import TokenSimKit

/// `tokensim list strategies`
enum ListCommand {
  static let help = """
    Usage: tokensim list strategies

    Lists the built-in client strategies with a one-line summary each.
    """

  static func main(_ words: [String]) throws(CommandFailure) {
    let arguments = try parse(words, valued: [], flags: ["help", "verbose"], help: help)
    guard arguments.positional == ["strategies"] else {
      throw CommandFailure(status: 2, message: "list takes one topic: strategies\n\n\(help)")
    }
    let width = StrategyCatalog.all.map(\.name.count).max() ?? 0
    for entry in StrategyCatalog.all {
      print(entry.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + entry.summary)
    }
  }
}

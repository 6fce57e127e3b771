import TokenSimKit

/// `--strategy NAME | --strategy-file FILE` with `--param NAME=VALUE`..., shared by `run` and
/// `check`: one strategy, possibly with overrides.
enum StrategyOptions {
  static let strategy = CommandOption.value(
    "strategy", "NAME",
    help: "a built-in client strategy (see `tokensim list strategies`), a variant of the scenario, or a strategy file (*.json)")
  static let strategyFile = CommandOption.value(
    "strategy-file", "FILE", help: "a JSON file naming a base strategy and parameter overrides")
  static let param = CommandOption.repeated(
    "param", "NAME=VALUE",
    help: "override one parameter, such as advisoryWindow=10m (see `tokensim list strategies --verbose`); "
      + "the strategy is then reported as NAME+PARAM=VALUE,...")

  /// The three options, in help order.
  static let all = [strategy, strategyFile, param]

  /// The strategy chosen by `--strategy` or `--strategy-file`, with the `--param` overrides;
  /// `--strategy` may name a variant of one of `scenarios`.
  static func choice(_ arguments: ParsedArguments, scenarios: [Scenario]) throws(CommandFailure) -> StrategyChoice {
    let (name, file) = (arguments.value(strategy), arguments.value(strategyFile))
    guard (name == nil) != (file == nil) else {
      let names = StrategyCatalog.all.map(\.name).joined(separator: ", ")
      let message =
        name == nil
        ? "--strategy NAME or --strategy-file FILE is required; built-in strategies: \(names)"
        : "give --strategy or --strategy-file, not both"
      throw CommandFailure(status: 2, message: message)
    }
    var choice: StrategyChoice
    if let file {
      choice = try StrategyName.file(file)
    } else {
      choice = try StrategyName.resolve(name!, scenarios: scenarios, option: "--strategy").choice
    }
    try apply(arguments.values(param), to: &choice)
    return choice
  }

  /// Applies `--param NAME=VALUE` arguments in order.
  static func apply(_ params: [String], to choice: inout StrategyChoice) throws(CommandFailure) {
    do throws(ScenarioError) {
      for argument in params { try choice.parameters.set(argument: argument) }
    } catch {
      throw CommandFailure(status: 2, message: error.description)
    }
  }
}

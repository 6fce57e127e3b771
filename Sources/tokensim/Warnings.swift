import Foundation
import TokenSimKit

/// Warnings about inputs that are valid but probably not meant, printed on stderr as
/// `tokensim: warning: ...`; they never change the exit status.
enum Warnings {
  /// Prints the warnings of every scenario.
  static func print(_ scenarios: [Scenario]) {
    for warning in scenarios.flatMap(ScenarioWarnings.of) {
      FileHandle.standardError.write(Data("tokensim: warning: \(warning)\n".utf8))
    }
  }
}

/// A live server that cannot start or go on, with a message written for the person running it.
public struct LiveError: Error, Equatable, Sendable {
  /// What went wrong and, where it helps, what to do.
  public let message: String

  /// An error with `message`.
  public init(_ message: String) { self.message = message }
}

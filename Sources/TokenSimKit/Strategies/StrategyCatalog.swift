/// The built-in strategies by name.
public enum StrategyCatalog {
  /// One built-in strategy.
  public struct Entry: Sendable {
    /// The name used on the command line.
    public let name: String
    /// One line saying what it models.
    public let summary: String
    /// Makes a fresh instance for one process.
    public let make: @Sendable (ProcessRole) -> any RefreshStrategy
  }

  /// Every built-in strategy, in the order they are listed.
  public static let all: [Entry] = [
    Entry(
      name: "naive",
      summary: "in-memory tokens per process, lazy refresh 10 s before expiry, no reread, no backoff (Go x/oauth2)",
      make: { _ in NaiveStrategy() })
  ]

  /// The entry called `name`.
  public static func named(_ name: String) -> Entry? { all.first { $0.name == name } }
}

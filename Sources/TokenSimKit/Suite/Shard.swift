/// One of N slices of a matrix (`--shard I/N`): the runs whose position (scenario then strategy
/// order, counting from 0) leaves remainder I-1 when divided by N. The slice depends only on the
/// matrix, so N CI jobs given the same inputs split it without overlap or gap, and neighbouring
/// runs of one heavy scenario land on different jobs.
public struct Shard: Equatable, Sendable {
  /// Which slice, from 1.
  public let number: Int
  /// How many slices, from 1 to 1,000.
  public let count: Int

  /// Slice `number` of `count`; nil unless 1 ≤ number ≤ count ≤ 1000.
  public init?(number: Int, of count: Int) {
    guard (1...1_000).contains(count), (1...count).contains(number) else { return nil }
    self.number = number
    self.count = count
  }

  /// `I/N` as written on the command line (`2/4`); nil when it is not that.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 2, let number = parts[0], let count = parts[1] else { return nil }
    self.init(number: number, of: count)
  }

  /// Whether run `index` of the matrix is in this shard.
  public func contains(_ index: Int) -> Bool { index % count == number - 1 }
}

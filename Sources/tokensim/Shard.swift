/// `--shard I/N`: the runs of a matrix whose position (scenario then strategy order, counting
/// from 0) leaves remainder I-1 when divided by N. The slice depends only on the matrix, so N CI
/// jobs given the same inputs split it without overlap or gap, and neighbouring runs of one heavy
/// scenario land on different jobs.
struct Shard: Equatable {
  let number: Int
  let count: Int

  static func parse(_ text: String?) throws(CommandFailure) -> Shard? {
    guard let text else { return nil }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 2, let number = parts[0], let count = parts[1], (1...1_000).contains(count),
      (1...count).contains(number)
    else {
      throw CommandFailure(
        status: 2, message: "--shard wants I/N with 1 ≤ I ≤ N ≤ 1000, such as 2/4 (the second of four), not \"\(text)\"")
    }
    return Shard(number: number, count: count)
  }

  /// Whether run `index` of the matrix is in this shard.
  func contains(_ index: Int) -> Bool { index % count == number - 1 }
}

import TokenSimKit

/// What `compare`, `suite` and `merge` print of a matrix.
enum MatrixText {
  /// The matrix as a terminal table, the scenarios' variants, the failing checks (or, for a
  /// large suite, where they are listed), and whether the runs came out as the scenarios expect.
  static func text(_ entries: [MatrixEntry], listingProblemsIn file: String? = nil) -> String {
    let (header, rows) = MatrixReport.rows(entries)
    var text = MatrixTable.render(header: header, rows: rows)
    let variants = MatrixReport.variantRows(entries)
    if !variants.isEmpty {
      text += "\n\nVariants of a scenario:\n" + MatrixTable.render(header: ["scenario", "variant", "result"], rows: variants)
    }
    let problems = MatrixReport.problems(entries)
    if let file, !problems.isEmpty {
      text += "\n\n\(problems.count) failing or undecided checks, each with its evidence, are listed in \(file)."
    } else if !problems.isEmpty {
      text += "\n\nFailing checks:\n" + problems.map { "  " + $0 }.joined(separator: "\n")
    }
    if let summary = MatrixReport.expectationSummary(entries) {
      text += "\n\n" + ([summary] + MatrixReport.unmet(entries).map { "  " + $0 }).joined(separator: "\n")
    }
    return text
  }

  /// The whole matrix as printed after writing it into `out`.
  static func published(_ entries: [MatrixEntry], out: String, suite: Bool) -> String {
    text(entries, listingProblemsIn: suite ? "\(out)/compare.md" : nil)
      + "\n\nreports under \(out)/<scenario>/<strategy>/; the matrix in \(out)/\(MatrixFiles.page(suite: suite)), "
      + "compare.md and compare.json"
  }

  /// One shard's part of the matrix as printed after writing it into `out`.
  static func shard(_ entries: [MatrixEntry], shard: Shard, of runs: Int, out: String, suite: Bool) -> String {
    text(entries, listingProblemsIn: suite ? "the merged compare.md" : nil)
      + "\n\nshard \(shard.number) of \(shard.count): \(entries.count) of \(runs) runs, reports under \(out)/; "
      + "combine the shards with tokensim merge"
  }
}

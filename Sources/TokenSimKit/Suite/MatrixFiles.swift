import Foundation

/// The files of a whole matrix: compare.json, compare.md and its HTML page (compare.html, or
/// index.html for a suite), written by an unsharded run and by a merge through this one code.
public enum MatrixFiles {
  /// The HTML page's name: index.html for a suite, compare.html otherwise.
  public static func page(suite: Bool) -> String { suite ? "index.html" : "compare.html" }

  /// The files of a matrix's own in `out`: compare.json, compare.md and its page, and with
  /// `shard` a shard's shard.json.
  public static func names(suite: Bool, shard: Bool) -> [String] {
    ["compare.json", "compare.md", page(suite: suite)] + (shard ? [ShardFile.name] : [])
  }

  /// Removes the matrix files (and with `shard`, shard.json) an earlier run left in `out`, before
  /// a new one starts writing runs there.
  public static func removeEarlier(from out: String, suite: Bool, shard: Bool) throws(SuiteError) {
    for name in names(suite: suite, shard: shard) where FileManager.default.fileExists(atPath: "\(out)/\(name)") {
      do { try FileManager.default.removeItem(atPath: "\(out)/\(name)") } catch {
        throw SuiteError("cannot remove \(out)/\(name): \(error.localizedDescription)")
      }
    }
  }

  /// Writes compare.json, compare.md and the HTML page into `out`.
  public static func write(_ entries: [MatrixEntry], to out: String, suite: Bool) throws(SuiteError) {
    do {
      try FileOutput.write(MatrixReport.json(entries), to: "\(out)/compare.json")
      try FileOutput.write(MatrixReport.markdown(entries), to: "\(out)/compare.md")
      try FileOutput.write(MatrixReport.html(entries), to: "\(out)/\(page(suite: suite))")
    } catch {
      throw SuiteError("cannot write to \(out): \(error.localizedDescription)")
    }
  }
}

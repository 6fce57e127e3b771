/// The files of a whole matrix: compare.json, compare.md and its HTML page (compare.html, or
/// index.html for a suite), written by an unsharded run and by a merge through this one code.
public enum MatrixFiles {
  /// The HTML page's name: index.html for a suite, compare.html otherwise.
  public static func page(suite: Bool) -> String { suite ? "index.html" : "compare.html" }

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

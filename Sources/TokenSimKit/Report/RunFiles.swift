/// The five reports of one run in its directory: report.json, report.md, junit.xml,
/// timeline.svg and index.html.
public enum RunFiles {
  /// The names of the files `write` writes, in order.
  public static let names = ["report.json", "report.md", "junit.xml", "timeline.svg", "index.html"]
  /// Every file a run directory may hold: the reports and `trace.jsonl`.
  public static let outputNames = names + ["trace.jsonl"]

  /// A staging directory for the outputs of one run, moved to `directory` when complete.
  public static func stage(_ directory: String) throws(SuiteError) -> StagedDirectory {
    try StagedDirectory(destination: directory, owned: outputNames)
  }

  /// Writes every report of `result` into a staging directory and moves it to `directory`,
  /// replacing the outputs of an earlier run there only once all are written.
  public static func publish(_ result: RunResult, to directory: String, matrixPage: String? = nil) throws(SuiteError) {
    let staged = try stage(directory)
    do throws(SuiteError) {
      try write(result, to: staged.path, matrixPage: matrixPage)
      try staged.commit()
    } catch {
      staged.discard()
      throw error
    }
  }

  /// Writes every report of `result` into `directory`; `matrixPage` (relative to `directory`)
  /// links its index.html back to the matrix it is part of.
  public static func write(_ result: RunResult, to directory: String, matrixPage: String? = nil) throws(SuiteError) {
    do {
      try FileOutput.write(RunReport(result).jsonData(), to: directory + "/report.json")
      try FileOutput.write(MarkdownReport.text(result), to: directory + "/report.md")
      try FileOutput.write(JUnitReport.xml(result), to: directory + "/junit.xml")
      try FileOutput.write(TimelineSVG.svg(result), to: directory + "/timeline.svg")
      try FileOutput.write(HTMLReport.page(result, matrixPage: matrixPage), to: directory + "/index.html")
    } catch {
      throw SuiteError("cannot write to \(directory): \(error.localizedDescription)")
    }
  }
}

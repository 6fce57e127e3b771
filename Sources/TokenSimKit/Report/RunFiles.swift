import Foundation

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
  /// replacing the outputs of an earlier run there only once all are written. `times`, when
  /// given, is told how long rendering each report and writing took.
  public static func publish(
    _ result: RunResult, to directory: String, matrixPage: String? = nil, times: StageTimes? = nil
  ) throws(SuiteError) {
    let files = try render(result, matrixPage: matrixPage, times: times)
    try times.time(.writing) { () throws(SuiteError) in
      let staged = try stage(directory)
      do throws(SuiteError) {
        try write(files, to: staged.path)
        try staged.commit()
      } catch {
        staged.discard()
        throw error
      }
    }
  }

  /// Writes every report of `result` into `directory`; `matrixPage` (relative to `directory`)
  /// links its index.html back to the matrix it is part of.
  public static func write(_ result: RunResult, to directory: String, matrixPage: String? = nil) throws(SuiteError) {
    try write(render(result, matrixPage: matrixPage, times: nil), to: directory)
  }

  /// Each report's name and bytes, in `names` order. The timeline is drawn once, for
  /// timeline.svg and for index.html.
  static func render(
    _ result: RunResult, matrixPage: String?, times: StageTimes?
  ) throws(SuiteError) -> [(name: String, data: Data)] {
    let json = try times.time(.reportJSON) { () throws(SuiteError) in
      do { return try RunReport(result).jsonData() } catch {
        throw SuiteError("cannot encode report.json: \(error.localizedDescription)")
      }
    }
    let markdown = times.time(.reportMarkdown) { Data(MarkdownReport.text(result).utf8) }
    let junit = times.time(.junit) { Data(JUnitReport.xml(result).utf8) }
    let svg = times.time(.timeline) { TimelineSVG.svg(result) }
    let page = times.time(.page) { Data(HTMLReport.page(result, matrixPage: matrixPage, timeline: svg).utf8) }
    return [
      ("report.json", json), ("report.md", markdown), ("junit.xml", junit), ("timeline.svg", Data(svg.utf8)),
      ("index.html", page),
    ]
  }

  private static func write(_ files: [(name: String, data: Data)], to directory: String) throws(SuiteError) {
    do {
      for file in files { try FileOutput.write(file.data, to: directory + "/" + file.name) }
    } catch {
      throw SuiteError("cannot write to \(directory): \(error.localizedDescription)")
    }
  }
}

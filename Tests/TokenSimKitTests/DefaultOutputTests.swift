import Foundation
import Testing

/// Without `--out`, every command writes under `out/` in the working directory (which git
/// ignores) and never into `Reports/`; `--out Reports` still writes there when asked.
@Suite(.serialized) struct DefaultOutputTests {
  /// Every file under `directory`, relative to it, sorted.
  func files(_ directory: String) -> [String] {
    let all = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []
    return all.filter { path in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: "\(directory)/\(path)", isDirectory: &isDirectory) && !isDirectory.boolValue
    }.sorted()
  }

  @Test func noCommandWritesIntoReportsUnlessToldTo() throws {
    try withTemporaryDirectory { root in
      try FileManager.default.createDirectory(atPath: root + "/Scenarios", withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        atPath: packageRoot.path + "/Scenarios/quiet-day.json", toPath: root + "/Scenarios/quiet-day.json")
      try FileManager.default.createDirectory(atPath: root + "/Reports", withIntermediateDirectories: true)
      try "committed".write(toFile: root + "/Reports/keep.txt", atomically: true, encoding: .utf8)
      let scenario = ["Scenarios/quiet-day.json", "--strategy", "naive"]
      let runs: [([String], [String])] = [
        (["run"] + scenario + ["--trace"], ["quiet-day/naive/report.json", "quiet-day/naive/trace.jsonl"]),
        (["run"] + scenario + ["--seeds", "2-3"], ["quiet-day/naive/seed-2/report.json"]),
        (["check"] + scenario, ["check/quiet-day/naive/report.json"]),
        (["compare"] + scenario, ["compare.html", "compare.md", "quiet-day/naive/report.json"]),
        (["suite", "--strategy", "naive"], ["index.html", "compare.json"]),
        (["compare"] + scenario + ["--shard", "1/1", "--out", "shard"], []),
        (["merge", "shard"], ["index.html", "compare.html", "compare.md"]),
      ]
      for (arguments, expected) in runs {
        let result = try tokensim(arguments, in: root)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(files(root + "/Reports") == ["keep.txt"], "\(arguments) wrote nothing into Reports/")
        let written = Set(files(root + "/out"))
        for file in expected { #expect(written.contains(file), "\(arguments) wrote out/\(file)") }
      }
      #expect(try tokensim(["run"] + scenario + ["--out", "Reports"], in: root).status == 0)
      #expect(files(root + "/Reports").contains("report.json"), "--out Reports writes there when asked")
    }
  }
}

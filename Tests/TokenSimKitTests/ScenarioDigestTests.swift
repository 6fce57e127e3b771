import Foundation
import Testing

@testable import TokenSimKit

/// report.json names the scenario by name and the SHA-256 of its file, not by the path it was
/// given by, so one scenario gives the same bytes wherever it is run from (issue 16).
@Suite(.serialized) struct ScenarioDigestTests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
  ])
  func sha256MatchesTheStandardsTestVectors(message: String, digest: String) {
    #expect(SHA256.hex(message.utf8) == digest)
  }

  @Test func aScenarioIsNamedByTheDigestOfItsText() throws {
    let text = oneHost(duration: "1h", processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "1m"}}]"#)
    let parsed = try Scenario.parse(text, file: "a.json")
    #expect(parsed.digest == "sha256:" + SHA256.hex(text.utf8))
    #expect(try Scenario.parse(text, file: "/elsewhere/b.json").digest == parsed.digest)
    #expect(try Scenario.parse(text + " ", file: "a.json").digest != parsed.digest)
  }

  @Test func oneScenarioByARelativeAndAnAbsolutePathWritesTheSameReports() throws {
    try withTemporaryDirectory { root in
      let absolute = packageRoot.appendingPathComponent("Scenarios/quiet-day.json").path
      for (input, out) in [("Scenarios/quiet-day.json", "relative"), (absolute, "absolute")] {
        let result = try tokensim(["run", input, "--strategy", "naive", "--out", "\(root)/\(out)"])
        #expect(result.status == 0, "\(result.stderr)")
      }
      for file in RunFiles.names {
        let same = FileManager.default.contentsEqual(atPath: "\(root)/relative/\(file)", andPath: "\(root)/absolute/\(file)")
        #expect(same, "\(file)")
      }
      let report = try String(contentsOfFile: "\(root)/absolute/report.json", encoding: .utf8)
      #expect(report.contains(#""digest" : "sha256:"#))
      #expect(!report.contains("Scenarios/"))
    }
  }
}

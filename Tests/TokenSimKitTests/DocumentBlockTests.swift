import Foundation
import Testing

/// Every YAML and JSON code block of README.md and Scenarios/README.md parses: JSON with
/// Foundation; YAML with PyYAML when `python3 -c 'import yaml'` works (else that test is skipped,
/// saying so), and always with a minimal structural check that needs nothing installed.
@Suite struct DocumentBlockTests {
  static let documents = ["README.md", "Scenarios/README.md"]

  /// The code blocks of `language` in `document`, each with the line its fence opens on.
  static func blocks(_ language: String, in document: String) throws -> [(line: Int, text: String)] {
    let lines = try String(contentsOf: packageRoot.appendingPathComponent(document), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
    var blocks: [(line: Int, text: String)] = []
    var open: (line: Int, body: [Substring])?
    for (index, line) in lines.enumerated() {
      if let current = open {
        if line == "```" {
          blocks.append((current.line, current.body.joined(separator: "\n") + "\n"))
          open = nil
        } else {
          open?.body.append(line)
        }
      } else if line == "```" + language {
        open = (index + 1, [])
      }
    }
    return blocks
  }

  /// Whether PyYAML can be imported.
  static let pyYAML: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import yaml"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  @Test(arguments: documents) func everyJSONBlockParses(document: String) throws {
    let blocks = try Self.blocks("json", in: document)
    #expect(!blocks.isEmpty, "\(document) has JSON blocks")
    for block in blocks {
      #expect(throws: Never.self, "\(document):\(block.line)") {
        try JSONSerialization.jsonObject(with: Data(block.text.utf8))
      }
    }
  }

  @Test func everyYAMLBlockPassesTheStructuralCheck() throws {
    let blocks = try Self.documents.flatMap { document in try Self.blocks("yaml", in: document).map { (document, $0) } }
    #expect(blocks.count >= 2, "the README's two workflows")
    for (document, block) in blocks {
      #expect(YAMLShape.problems(block.text) == [], "\(document):\(block.line)")
    }
  }

  @Test(.enabled(if: pyYAML, "PyYAML is not installed (python3 -c 'import yaml' failed): only the structural check ran"))
  func everyYAMLBlockParsesWithPyYAML() throws {
    for document in Self.documents {
      for block in try Self.blocks("yaml", in: document) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, yaml; yaml.safe_load(sys.stdin)"]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(block.text.utf8))
        try input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(document):\(block.line): \(message)")
      }
    }
  }

  @Test func theStructuralCheckCatchesTheOldShardingWorkflow() {
    let old = "steps:\n  - uses: actions/upload-artifact@v4\n    with: { name: shard-${{ matrix.shard }}, path: out }\n"
    #expect(YAMLShape.problems(old) == ["line 3: a GitHub expression ${{ }} inside a flow mapping { }"])
    #expect(YAMLShape.problems("a:\n\tb: 1\n") == ["line 2: a tab in the indentation"])
    #expect(YAMLShape.problems("a: [1, 2\n") == ["line 1: unbalanced brackets in a flow collection"])
  }
}

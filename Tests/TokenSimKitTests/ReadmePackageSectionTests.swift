import Foundation
import Testing

/// The README's "Use TokenSimKit from your package" section stays true to Examples/CustomStrategy:
/// every line of its Swift blocks is a line of the example's Package.swift or main.swift, and the
/// Package.swift block is that file without its comments.
@Suite struct ReadmePackageSectionTests {
  static func section() throws -> String {
    let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "\n## Use TokenSimKit from your package\n"))
    let rest = readme[start.upperBound...]
    return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
  }

  static func swiftBlocks(_ text: String) -> [String] {
    text.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] }
  }

  static func example(_ path: String) throws -> String {
    try String(contentsOf: packageRoot.appendingPathComponent("Examples/CustomStrategy/" + path), encoding: .utf8)
  }

  @Test func theSnippetsAreTheExamplesOwnLines() throws {
    let blocks = Self.swiftBlocks(try Self.section())
    #expect(blocks.count == 3)
    let package = try Self.example("Package.swift")
    let main = try Self.example("Sources/CustomStrategy/main.swift")
    let uncommented = package.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("//") || $0.hasPrefix("// swift-tools-version") }.joined(separator: "\n")
    #expect(blocks.first == uncommented.trimmingCharacters(in: .whitespacesAndNewlines))
    let lines = Set((package + "\n" + main).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
    for block in blocks.dropFirst() {
      for line in block.split(separator: "\n") {
        #expect(lines.contains(line.trimmingCharacters(in: .whitespaces)), "README line not in the example: \(line)")
      }
    }
    #expect(blocks[1].contains("struct ReadOnlyStrategy: RefreshStrategy {"))
  }
}

import Foundation

/// A minimal structural check of YAML, for when no parser is installed: no tabs in indentation,
/// flow collections closed on their line, and no `${{ }}` inside a flow mapping (YAML reads its
/// braces as a nested mapping). Lines of block scalars (`run: |`) are skipped.
enum YAMLShape {
  static func problems(_ text: String) -> [String] {
    var problems: [String] = []
    var scalarIndent: Int?
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let indent = line.prefix { $0 == " " }.count
      let content = line.dropFirst(indent)
      if let block = scalarIndent, content.isEmpty || indent > block { continue }
      scalarIndent = nil
      if content.first == "\t" { problems.append("line \(index + 1): a tab in the indentation") }
      if content.hasSuffix(": |") || content.hasSuffix(": >") { scalarIndent = indent }
      problems += flowProblems(content).map { "line \(index + 1): \($0)" }
    }
    return problems
  }

  /// What is wrong with a flow collection that is the value of `content`, if it has one.
  private static func flowProblems(_ content: Substring) -> [String] {
    let value = content.hasPrefix("- ") ? content.dropFirst(2) : content
    guard let colon = value.range(of: ": ") else { return [] }
    let flow = value[colon.upperBound...].trimmingCharacters(in: .whitespaces)
    guard let first = flow.first, first == "{" || first == "[" else { return [] }
    if first == "{", flow.contains("${{") { return ["a GitHub expression ${{ }} inside a flow mapping { }"] }
    let opened = flow.count { $0 == "{" || $0 == "[" }
    let closed = flow.count { $0 == "}" || $0 == "]" }
    return opened == closed ? [] : ["unbalanced brackets in a flow collection"]
  }
}

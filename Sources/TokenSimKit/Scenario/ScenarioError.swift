/// A problem in a scenario or strategy file, written for the person who will fix it: the file,
/// the line, the JSON path, what was expected, what was found and, for a typo, the closest key.
public struct ScenarioError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The file the problem is in.
  public var file: String
  /// The JSON path of the offending value, such as `$.server.faults[2].retryAfter`.
  public var path: String
  /// 1-based line, when known.
  public var line: Int?
  /// What the value should have been.
  public var expected: String
  /// What the file holds there.
  public var found: String
  /// A nearby valid spelling, when the problem is a misspelt key or word.
  public var suggestion: String?

  /// Creates an error.
  public init(
    file: String, path: String, line: Int? = nil, expected: String, found: String, suggestion: String? = nil
  ) {
    self.file = file
    self.path = path
    self.line = line
    self.expected = expected
    self.found = found
    self.suggestion = suggestion
  }

  /// One line: `file:line: $.path: expected X, found Y (did you mean "Z"?)`.
  public var description: String {
    let place = line.map { "\(file):\($0)" } ?? file
    var text = "\(place): \(path): expected \(expected), found \(found)"
    if let suggestion { text += " (did you mean \"\(suggestion)\"?)" }
    return text
  }
}

/// Finds the known word closest to a misspelt one.
public enum Spelling {
  /// The candidate within a small edit distance of `word`, if one is clearly closest.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let lowered = word.lowercased()
    let scored = candidates.map { ($0, distance(lowered, $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let limit = max(2, word.count / 3)
    return best.1 <= limit ? best.0 : nil
  }

  /// Levenshtein distance.
  public static func distance(_ a: String, _ b: String) -> Int {
    let left = Array(a)
    let right = Array(b)
    if left.isEmpty { return right.count }
    var previous = Array(0...right.count)
    for (i, leftChar) in left.enumerated() {
      var current = [i + 1]
      for (j, rightChar) in right.enumerated() {
        let cost = leftChar == rightChar ? 0 : 1
        current.append(min(previous[j] + cost, previous[j + 1] + 1, current[j] + 1))
      }
      previous = current
    }
    return previous[right.count]
  }
}

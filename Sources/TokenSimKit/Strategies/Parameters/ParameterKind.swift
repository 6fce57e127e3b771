/// What values a strategy parameter accepts.
public enum ParameterKind: Equatable, Sendable {
  /// A duration within the range.
  case duration(ClosedRange<SimDuration>)
  /// A duration within the range, or `"none"` for off.
  case optionalDuration(ClosedRange<SimDuration>)
  /// A whole number within the range.
  case integer(ClosedRange<Int>)
  /// A decimal number within the range.
  case number(ClosedRange<Double>)
  /// `true` or `false`.
  case bool
  /// One of these words.
  case word([String])

  /// What a value must look like, for errors and `list strategies --verbose`.
  public var expectation: String {
    switch self {
    case .duration(let range): return "a duration from \(range.lowerBound) to \(range.upperBound)"
    case .optionalDuration(let range): return "\"none\" or a duration from \(range.lowerBound) to \(range.upperBound)"
    case .integer(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
    case .number(let range):
      return "a number from \(ParameterValue.number(range.lowerBound)) to \(ParameterValue.number(range.upperBound))"
    case .bool: return "true or false"
    case .word(let words): return "one of " + words.map { "\"\($0)\"" }.joined(separator: ", ")
    }
  }

  /// Reads `text`; nil when it does not fit.
  public func parse(_ text: String) -> ParameterValue? {
    switch self {
    case .duration(let range): return DurationText.parse(text).flatMap { range.contains($0) ? .duration($0) : nil }
    case .optionalDuration(let range):
      return text == "none" ? .off : DurationText.parse(text).flatMap { range.contains($0) ? .duration($0) : nil }
    case .integer(let range): return Int(text).flatMap { range.contains($0) ? .integer($0) : nil }
    case .number(let range): return Double(text).flatMap { range.contains($0) && $0.isFinite ? .number($0) : nil }
    case .bool: return text == "true" ? .bool(true) : text == "false" ? .bool(false) : nil
    case .word(let words): return words.contains(text) ? .word(text) : nil
    }
  }

  /// The closest accepted word to a rejected `text`, for did-you-mean hints.
  func suggestion(for text: String) -> String? {
    switch self {
    case .word(let words): return Spelling.closest(to: text, among: words)
    case .optionalDuration: return Spelling.closest(to: text, among: ["none"])
    case .bool: return Spelling.closest(to: text, among: ["true", "false"])
    default: return nil
    }
  }
}

/// Which of a scenario's own variants (its `variants` section) a matrix runs.
public enum VariantSelection: Equatable, Sendable {
  /// Every variant of every scenario (what `suite` runs by default).
  case all
  /// Only the variants of these names, for the scenarios that have them.
  case named([String])

  /// Whether the variant called `name` runs.
  public func includes(_ name: String) -> Bool {
    switch self {
    case .all: return true
    case .named(let names): return names.contains(name)
    }
  }
}

/// A scenario's changes to the built-in checks: a threshold of its own, or the check turned off.
///
/// ```json
/// "checks": { "bounded-amplification": 150, "converges": false }
/// ```
public struct CheckSettings: Equatable, Sendable {
  /// One check's setting.
  public enum Setting: Equatable, Sendable {
    /// Judged against this threshold instead of the default.
    case threshold(Double)
    /// Not judged.
    case off
  }

  private var settings: [String: Setting] = [:]

  /// Every check at its default.
  public init() {}

  /// The setting of check `id`; nil for the default.
  public subscript(id: String) -> Setting? {
    get { settings[id] }
    set { settings[id] = newValue }
  }

  /// Reads a scenario's `checks` object.
  init(reading reader: JSONReader) throws(ScenarioError) {
    let object = try reader.object(keys: CheckCatalog.all.map(\.id))
    for check in CheckCatalog.all {
      guard let value = object.optional(check.id) else { continue }
      if case .bool(let on) = value.node.value {
        if !on { settings[check.id] = .off }
        continue
      }
      let range = check.scale == .share ? 0.0...1.0 : 0.0...1e12
      do {
        settings[check.id] = .threshold(try value.number(in: range))
      } catch {
        throw value.error(expected: "false to turn the check off, or its threshold: \(error.expected)")
      }
    }
  }
}

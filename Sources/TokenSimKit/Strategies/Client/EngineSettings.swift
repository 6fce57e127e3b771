/// What every copy of one configured `RefreshClient` shares and never changes: its policy and
/// coordination, held once. A strategy's processes are copies of one prototype, so they all
/// point at one instance instead of each carrying its own copy of the same knobs (about 220
/// bytes a process).
final class EngineSettings: Sendable {
  /// The refresh knobs.
  let policy: RefreshPolicy
  /// How processes sharing the store coordinate.
  let coordination: Coordination

  init(policy: RefreshPolicy, coordination: Coordination) {
    self.policy = policy
    self.coordination = coordination
  }
}

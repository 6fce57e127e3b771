/// How much a metric may get worse than in a baseline report before `tokensim check` calls it a
/// regression. A tolerance is relative (`10%`: the new value may exceed the baseline by a tenth)
/// or absolute (`0.005`, `0`).
public struct MetricTolerance: Equatable, Sendable {
  /// Whether smaller values are better.
  public enum Better: Sendable { case lower, higher }

  /// The metric's key in report.json (`retryAfterViolations.perProcess` for nested ones).
  public var metric: String
  /// Which direction is better.
  public var better: Better
  /// The allowance.
  public var allowance: Double
  /// Whether the allowance is a fraction of the baseline value.
  public var relative: Bool

  /// The metrics compared with a baseline, and their default tolerances.
  public static let defaults: [MetricTolerance] = [
    .init("tokenRequests", .lower, 0.10, relative: true), .init("amplification", .lower, 0.10, relative: true),
    .init("peakTokenRequestsPerSecond", .lower, 0.10, relative: true),
    .init("peakConcurrentRefreshes", .lower, 0.10, relative: true), .init("reuseDetections", .lower, 0, relative: false),
    .init("familyRevocations", .lower, 0, relative: false),
    .init("retryAfterViolations.perProcess", .lower, 0, relative: false),
    .init("apiCallsFailed", .lower, 0.10, relative: true), .init("availability", .higher, 0.005, relative: false),
    .init("longestOutageSeconds", .lower, 0.10, relative: true), .init("convergenceSeconds", .lower, 0.10, relative: true),
    .init("timeToAlertSeconds", .lower, 0.10, relative: true), .init("workItemsDropped", .lower, 0, relative: false),
    .init("workLoopRestarts", .lower, 0.10, relative: true), .init("needsLoginAlertsWhileValid", .lower, 0, relative: false),
    .init("storeLostUpdates", .lower, 0, relative: false), .init("tornReads", .lower, 0, relative: false),
  ]

  init(_ metric: String, _ better: Better, _ allowance: Double, relative: Bool) {
    self.metric = metric
    self.better = better
    self.allowance = allowance
    self.relative = relative
  }

  /// Reads `NAME=10%` or `NAME=0.5` into an override of a default; the error says what is wrong.
  public static func parse(_ text: String) -> Result<MetricTolerance, ToleranceError> {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return .failure(ToleranceError("--tolerance takes METRIC=VALUE, such as tokenRequests=20%")) }
    guard var tolerance = defaults.first(where: { $0.metric == parts[0] }) else {
      let hint = Spelling.closest(to: parts[0], among: defaults.map(\.metric)).map { " (did you mean \($0)?)" } ?? ""
      let names = defaults.map(\.metric).joined(separator: ", ")
      return .failure(ToleranceError("no metric \"\(parts[0])\" is compared with a baseline\(hint); these are: \(names)"))
    }
    let relative = parts[1].hasSuffix("%")
    guard let value = Double(relative ? String(parts[1].dropLast()) : parts[1]), value >= 0, value.isFinite else {
      return .failure(
        ToleranceError("the tolerance of \(parts[0]) must be a number ≥ 0, or a percentage such as 10%; found \"\(parts[1])\""))
    }
    tolerance.allowance = relative ? value / 100 : value
    tolerance.relative = relative
    return .success(tolerance)
  }

  /// Whether `value` is worse than `baseline` by more than the allowance. A missing value (the
  /// run never converged, or never alerted) is worse than any number.
  public func regressed(_ value: Double?, from baseline: Double?) -> Bool {
    guard let baseline else { return false }
    guard let value else { return true }
    let slack = relative ? abs(baseline) * allowance : allowance
    return better == .lower ? value > baseline + slack : value < baseline - slack
  }

  /// `10%` or `0.005`.
  public var allowanceText: String { relative ? "\(Figures.trimmed(allowance * 100))%" : Figures.trimmed(allowance) }
}

/// A bad `--tolerance`.
public struct ToleranceError: Error, Equatable, Sendable {
  /// What is wrong and how to write it.
  public let message: String
  init(_ message: String) { self.message = message }
}

extension ConformanceCheck {
  /// The credential store never loses an update or serves a torn file.
  static let storeIntegrity = ConformanceCheck(
    id: "store-integrity", label: "store",
    summary: "No write replaces a newer refresh token in the store with an older one, and no read sees a "
      + "half-written file.",
    bound: .atMost, defaultThreshold: 0, unit: "lost updates and torn reads", scale: .count
  ) { metrics, findings, _ in
    Observation(value: Double(metrics.storeLostUpdates + metrics.tornReads), evidence: findings.storeProblem)
  }
}

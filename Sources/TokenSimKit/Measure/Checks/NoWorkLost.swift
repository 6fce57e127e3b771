extension ConformanceCheck {
  /// No work item is dropped.
  static let noWorkLost = ConformanceCheck(
    id: "no-work-lost", label: "lost-work",
    summary: "No work item is dropped, whether its attempts ran out or its process crashed with it queued.",
    bound: .atMost, defaultThreshold: 0, unit: "items", scale: .count
  ) { metrics, findings, _ in
    Observation(value: Double(metrics.workItemsDropped), evidence: findings.droppedItem)
  }
}

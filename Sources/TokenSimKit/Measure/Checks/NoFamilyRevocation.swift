extension ConformanceCheck {
  /// No client presents a rotated-away refresh token so that the server revokes the family.
  static let noFamilyRevocation = ConformanceCheck(
    id: "no-family-revocation", label: "revoked",
    summary: "No token family is revoked because a client presented a rotated-away refresh token "
      + "(revocations by the scenario's security events do not count).",
    bound: .atMost, defaultThreshold: 0, unit: "revocations", scale: .count
  ) { metrics, findings, _ in
    Observation(value: Double(metrics.familyRevocations), evidence: findings.revocation)
  }
}

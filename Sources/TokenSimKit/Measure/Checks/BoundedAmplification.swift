extension ConformanceCheck {
  /// Token requests stay within a multiple of what a perfect client would need.
  static let boundedAmplification = ConformanceCheck(
    id: "bounded-amplification", label: "amplif",
    summary: "Token requests stay within this multiple of the fewest a perfect client would have needed "
      + "for the same process lifetimes and TTLs, retrying through token-endpoint fault windows as a "
      + "correct client must (metrics.minimalRefreshes).",
    bound: .atMost, defaultThreshold: 4, unit: "×", scale: .ratio
  ) { metrics, _, _ in
    let what =
      "sent \(Figures.grouped(metrics.tokenRequests)) token requests where a perfect client needed "
      + Figures.grouped(metrics.minimalRefreshes)
    return Observation(value: metrics.amplification, evidence: Evidence(time: nil, process: nil, what: what))
  }
}

extension AuthorizationServer {
  /// Stops the program when the server's state breaks an invariant at `now`, with a message naming
  /// each family or request and the time. For tests and invariant passes, not the hot path.
  public func checkInvariants(now: SimInstant) {
    let violations = invariantViolations(now: now)
    precondition(violations.isEmpty, "server invariants broken: " + violations.joined(separator: "; "))
  }

  /// The server's broken invariants at `now`; empty when it is sound: the ledger's (tokens within
  /// what was minted, nothing issued to a family after its revocation), the capacity queue's
  /// (in service ≤ concurrent, queued ≤ bound), and the requests in flight match the queue.
  public func invariantViolations(now: SimInstant) -> [String] {
    var violations = ledger.invariantViolations(now: now)
    guard let capacity else {
      if !waitingForService.isEmpty {
        violations.append("\(waitingForService.count) token requests in flight at \(now) on a server without capacity")
      }
      return violations
    }
    violations += capacity.invariantViolations(now: now)
    if waitingForService.count != capacity.inService + capacity.queued {
      violations.append(
        "\(waitingForService.count) token requests in flight at \(now), but \(capacity.inService) in service and \(capacity.queued) queued"
      )
    }
    return violations
  }
}

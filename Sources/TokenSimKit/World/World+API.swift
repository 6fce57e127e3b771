extension World {
  /// The workload calls the API with `token` for `ask`.
  func callAPI(_ id: Int, ask: Int, purpose: AskPurpose, token: AccessToken) {
    let call = nextCall
    nextCall += 1
    apiCalls[call] = APICallState(
      process: id, incarnation: processes[id].incarnation, purpose: purpose, ask: ask, token: token,
      cycleEpoch: processes[id].cycleEpoch)
    schedule(.apiTimeout(call: call), for: id, at: now + templates[processes[id].template].config.apiTimeout)
    let draw = faultPlan.draw(for: .api, at: now)
    let latency = scenario.server.apiLatency.sample(&serverRandom) + draw.extraLatency
    switch draw.effect {
    case .hang?, .lostAfterCommit?: return
    case .reset?, .empty?, .malformed?: apiCalls[call]?.status = nil
    case .status(let code, _)?: apiCalls[call]?.status = code
    case .latency?, nil: apiCalls[call]?.status = ledger.accepts(token, now: now) ? 200 : 401
    }
    schedule(.apiReplyArrives(call: call), at: now + latency)
  }

  func apiReplyArrives(_ call: Int) {
    guard let state = apiCalls.removeValue(forKey: call) else { return }
    endCall(state, status: state.status)
  }

  func apiTimeout(_ call: Int) {
    guard let state = apiCalls.removeValue(forKey: call) else { return }
    endCall(state, status: nil)
  }

  private func endCall(_ state: APICallState, status: Int?) {
    let id = state.process
    guard processes.contains(id), processes[id].alive, processes[id].incarnation == state.incarnation else { return }
    let ok = status == 200
    record(.apiCallEnded(process: id, ok: ok, status: status))
    if status == 401 { deliver(.apiRejected(ask: state.ask, token: state.token, status: 401), to: id) }
    guard processes[id].alive, processes[id].incarnation == state.incarnation else { return }
    if state.purpose == .cycle, state.cycleEpoch != processes[id].cycleEpoch { return }
    ok ? callSucceeded(id, purpose: state.purpose) : callFailed(id, purpose: state.purpose)
  }
}

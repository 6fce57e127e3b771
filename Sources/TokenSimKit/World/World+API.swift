extension World {
  /// The workload calls the API with `token` for `ask`.
  func callAPI(_ id: Int, ask: Int, purpose: AskPurpose, token: AccessToken, isRetry: Bool) {
    let call = nextCall
    nextCall += 1
    // The server decides at once; the call is kept with its answer, added at the back of the line.
    let answer = server.callAPI(with: token, now: now)
    let (incarnation, cycleEpoch, template) = (processes[id].incarnation, processes[id].cycleEpoch, processes[id].template)
    var state = APICallState(
      process: id, incarnation: incarnation, purpose: purpose, ask: ask, token: token, cycleEpoch: cycleEpoch,
      isRetry: isRetry)
    if case .answer(let status, _) = answer { state.status = status }
    apiCalls.append(call, state)
    let timeout = now + templates[template].config.apiTimeout
    schedule(.apiTimeout(call: call), for: id, incarnation: incarnation, at: timeout)
    if case .answer(_, let at) = answer { schedule(.apiReplyArrives(call: call), at: at) }
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
    // Only the strategy's answer to a 401 can end or replace the process since the check above.
    if status == 401 {
      if rejected(state) { return }
      guard processes[id].alive, processes[id].incarnation == state.incarnation else { return }
    }
    if case .cycle = state.purpose, state.cycleEpoch != processes[id].cycleEpoch { return }
    ok ? callSucceeded(id, purpose: state.purpose) : callFailed(id, purpose: state.purpose)
  }

  /// Tells the strategy its call was refused with 401; returns whether it retried the call.
  private func rejected(_ state: APICallState) -> Bool {
    let id = state.process
    processes[id].rejectedCall = state.isRetry ? nil : (state.ask, state.purpose)
    deliver(.apiRejected(ask: state.ask, token: state.token, status: 401), to: id)
    guard processes.contains(id), processes[id].incarnation == state.incarnation else { return false }
    let retried = !state.isRetry && processes[id].rejectedCall == nil
    processes[id].rejectedCall = nil
    return retried
  }

  /// The strategy retries the call refused for `ask` (`.retryCall`): the ask is open again, once.
  func retryCall(_ id: Int, ask: Int) {
    guard let call = processes[id].rejectedCall, call.ask == ask else { return }
    processes[id].rejectedCall = nil
    processes[id].asks[ask] = OpenAsk(purpose: call.purpose, isRetry: true)
  }
}

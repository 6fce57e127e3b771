/// Everything the run loop can be asked to do at a future instant.
///
/// Plain data (integers and flags, no strings or arrays): the event queue copies and destroys it
/// without retaining, releasing or calling value witnesses, and a few words at most: the large
/// payloads (a store read's result, a write's contents, an IPC message) wait in `PayloadSlots`
/// of the world, and an event names their slot (`CompactRecordTests` keeps it so).
enum WorldEvent {
  /// Start daemon or broker instance `instance` of process template `template`.
  case spawn(template: Int, instance: Int)
  /// The next CLI invocation(s) of `template` arrive.
  case cliArrival(template: Int)
  /// Something addressed to one incarnation of a process.
  case process(id: Int, incarnation: Int, ProcessEvent)
  /// The server finished processing token request `request`.
  case tokenServiceDone(request: Int)
  /// The response to token request `request` reaches its client.
  case tokenReplyArrives(request: Int)
  /// The response to API call `call` reaches its client.
  case apiReplyArrives(call: Int)
  /// Security event `index` of the server config.
  case securityEvent(index: Int)
  /// A fault rule's window opens or closes (trace only).
  case faultWindow(rule: Int, open: Bool)
  /// A host is suspended or resumes (trace only; deferral is by the host's windows).
  case hostSuspension(host: Int, suspended: Bool)
  /// A lock file may have become stale.
  case lockStaleCheck(host: Int)
}

/// Events addressed to a process.
enum ProcessEvent {
  case start(StartCause)
  case cycleDue(epoch: Int)
  case itemArrives
  case itemRetry(item: Int)
  /// A timer fires: the process's `TimerArmings` slot and the arming that scheduled it.
  case timer(slot: Int, arming: Int)
  /// A store read finishes; its result waits in `World.storeReads` at `slot`.
  case storeReadDone(slot: Int)
  /// A store write finishes; the contents it leaves wait in `World.storeWrites` at `slot`.
  case storeWriteDone(slot: Int)
  case lockWaitOver(ticket: Int)
  case tokenTimeout(request: Int)
  case apiTimeout(call: Int)
  case crashCheck
  case stop
  /// An IPC message from process `from` arrives; it waits in `World.messages` at `slot`.
  case message(from: Int, slot: Int)
  /// The wait for the answer to question `correlation` asked of process `peer` (0: none) is over.
  case messageTimeout(peer: Int, correlation: Int)
  /// The lock the process waited for is its own (its strategy hears `.lockGranted`).
  case lockGranted
  /// A write of environment credentials finished (its strategy hears `.storeWritten`).
  case environmentWritten
}

extension World {
  /// Logs in, schedules the processes, security events, and trace marks for fault windows and
  /// suspensions.
  func setUp() {
    for index in hosts.indices where hosts[index].config.loggedIn { logIn(host: index) }
    for (template, entry) in templates.enumerated() { scheduleFirstStart(template: template, config: entry.config) }
    for (index, event) in scenario.server.securityEvents.enumerated() { schedule(.securityEvent(index: index), at: event.at) }
    for (index, rule) in scenario.server.faults.enumerated() {
      guard let window = rule.window else { continue }
      schedule(.faultWindow(rule: index, open: true), at: window.lowerBound)
      schedule(.faultWindow(rule: index, open: false), at: window.upperBound)
    }
    for (index, host) in hosts.enumerated() {
      for window in host.config.suspensions {
        schedule(.hostSuspension(host: index, suspended: true), at: window.lowerBound)
        schedule(.hostSuspension(host: index, suspended: false), at: window.upperBound)
      }
    }
  }

  private func logIn(host index: Int) {
    let login = server.logInRecorded(host: hosts[index].config.name, now: now)
    let grant = login.grant
    let expiry = hosts[index].clock.local(now) + grant.expiresIn
    hosts[index].store.login(
      Credentials(accessToken: grant.accessToken, accessExpiresAt: expiry, refreshToken: grant.refreshToken))
    record(login.event)
  }

  private func scheduleFirstStart(template: Int, config: ProcessConfig) {
    guard config.role == .cli, let arrivals = config.arrivals else {
      for instance in 0..<config.count { schedule(.spawn(template: template, instance: instance), at: config.startAt) }
      return
    }
    switch arrivals {
    case .every: schedule(.cliArrival(template: template), at: config.startAt)
    case .poisson(let perHour):
      let gap = arrivalRandom[template].exponential(perHour: perHour)
      schedule(.cliArrival(template: template), at: config.startAt + gap)
    case .cron(let every, _):
      let periods = (config.startAt.microseconds + every.microseconds - 1) / every.microseconds
      schedule(.cliArrival(template: template), at: SimInstant(microseconds: periods * every.microseconds))
    }
  }

  /// Starts daemon or broker instance `instance` of `template`.
  func spawn(template: Int, instance: Int) {
    let id = createProcess(template: template, instance: instance)
    start(process: id, cause: .processStart)
  }

  /// One or more CLI invocations arrive; the next arrival is scheduled.
  func cliArrives(template: Int) {
    guard let arrivals = templates[template].config.arrivals else { return }
    let next: SimInstant
    var burst = 1
    switch arrivals {
    case .every(let period): next = now + period
    case .poisson(let perHour): next = now + arrivalRandom[template].exponential(perHour: perHour)
    case .cron(let period, let size):
      next = now + period
      burst = size
    }
    for _ in 0..<burst {
      let id = createProcess(template: template, instance: processes.count)
      start(process: id, cause: .processStart)
    }
    if next < (templates[template].config.stopAt ?? .never) { schedule(.cliArrival(template: template), at: next) }
  }

  /// Adds the record of instance `instance` of `template` (not started yet) and returns its id.
  /// The template's fields are read in place, not copied out with the whole `ProcessConfig`.
  private func createProcess(template: Int, instance: Int) -> Int {
    let host = templates[template].host
    let role = templates[template].config.role
    let id = processes.count + 1
    let number = role == .cli ? id : templates[template].config.count > 1 ? instance + 1 : nil
    let prefixes = streamPrefixes[template]
    let streams = RandomStream.stableHashes(decimal: instance, continuing: (prefixes.process, prefixes.crash))
    // Built where it is kept, not on the stack and then copied in (`append(initializing:)`); its
    // parts are made inside the closure and moved into the record (made outside and captured,
    // each was retained into it).
    _ = processes.append { record in
      record.initialize(
        to: SimProcess(
          id: id, number: number, host: host, template: template, role: role,
          random: RandomStream(rootSeed: rootSeed, nameHash: streams.0),
          strategy: StrategyBox(role, prototypes: &processParts.strategies), asks: processParts.askLine(),
          crashRandom: RandomStream(rootSeed: rootSeed, nameHash: streams.1),
          schedulerFailuresLeft: templates[template].config.schedulerFailure?.count ?? 0))
    }
    if role == .broker { hosts[host].broker = id }
    return id
  }

  /// The name of process `id`: its worker's (`<host>/<process>`), numbered as `NumberedName`
  /// spells it when the process is numbered.
  func name(of id: Int) -> String { name(template: processes[id].template, number: processes[id].number) }

  /// The name of a process of `template` numbered `number`, spelled now: a record keeps the
  /// number, not the name (`SimProcess.number`).
  func name(template: Int, number: Int?) -> String {
    guard let number else { return nameBases[template] }
    return NumberedName.spell(nameBases[template], number)
  }

  /// Applies a scenario security event: revoke one host's session or every session.
  func applySecurityEvent(_ event: SecurityEvent) {
    record(.securityEvent(host: event.host))
    for family in server.revokeSessions(for: event, now: now) {
      record(.familyRevoked(family: family, cause: .securityEvent))
    }
  }
}

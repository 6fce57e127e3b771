/// Work-loop restarts per process: the most any one process made within one hour (the signature
/// of a thrash loop, seed 004's daemon restarting at the CLI cadence), and for each process its
/// total, its first and last restart, and how many followed a refused refresh.
struct ThrashDetector {
  /// One process's restarts.
  struct Tally {
    var count = 0
    var first = SimInstant.start
    var last = SimInstant.start
    var afterRefusal = 0
  }

  /// A process's tally and its restarts within the last hour, kept together: a restart is one
  /// look-up.
  private struct Restarts {
    var tally: Tally
    var lastHour = SlidingWindow(length: .hours(1))
  }

  private var restarts = SerialTable<Restarts>()
  private(set) var most = 0
  private(set) var evidence: (process: Int, from: SimInstant, to: SimInstant)?

  /// `process` restarted its work loop; `afterRefusal` when its last token request was refused.
  mutating func restarted(process: Int, afterRefusal: Bool, at time: SimInstant) {
    let (count, oldest) = restarts.modify(process, default: Restarts(tally: Tally(first: time))) { restarts in
      restarts.tally.count += 1
      restarts.tally.last = time
      if afterRefusal { restarts.tally.afterRefusal += 1 }
      return (restarts.lastHour.add(time), restarts.lastHour.oldest)
    }
    guard count > most else { return }
    most = count
    evidence = (process, oldest ?? time, time)
  }

  /// The process with the most restarts (the lowest id among equals).
  var busiest: (process: Int, tally: Tally)? {
    var busiest: (process: Int, tally: Tally)?
    for process in restarts.numbers where restarts[process]!.tally.count > (busiest?.tally.count ?? 0) {
      busiest = (process, restarts[process]!.tally)
    }
    return busiest
  }
}

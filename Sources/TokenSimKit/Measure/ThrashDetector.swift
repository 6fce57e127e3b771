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

  private var windows = SerialTable<SlidingWindow>()
  private var tallies = SerialTable<Tally>()
  private(set) var most = 0
  private(set) var evidence: (process: Int, from: SimInstant, to: SimInstant)?

  /// `process` restarted its work loop; `afterRefusal` when its last token request was refused.
  mutating func restarted(process: Int, afterRefusal: Bool, at time: SimInstant) {
    tallies.modify(process, default: Tally(first: time)) { tally in
      tally.count += 1
      tally.last = time
      if afterRefusal { tally.afterRefusal += 1 }
    }
    let (count, oldest) = windows.modify(process, default: SlidingWindow(length: .hours(1))) { window in
      (window.add(time), window.oldest)
    }
    guard count > most else { return }
    most = count
    evidence = (process, oldest ?? time, time)
  }

  /// The process with the most restarts (the lowest id among equals).
  var busiest: (process: Int, tally: Tally)? {
    var busiest: (process: Int, tally: Tally)?
    for process in tallies.numbers where tallies[process]!.count > (busiest?.tally.count ?? 0) {
      busiest = (process, tallies[process]!)
    }
    return busiest
  }
}

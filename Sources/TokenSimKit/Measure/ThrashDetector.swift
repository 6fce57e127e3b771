/// The most work-loop restarts any one process made within one hour: the signature of a thrash
/// loop (seed 004's daemon restarting at the CLI cadence).
struct ThrashDetector {
  private var windows: [Int: SlidingWindow] = [:]
  private(set) var most = 0
  private(set) var evidence: (process: Int, from: SimInstant, to: SimInstant)?

  mutating func restarted(process: Int, at time: SimInstant) {
    var window = windows[process] ?? SlidingWindow(length: .hours(1))
    let count = window.add(time)
    windows[process] = window
    guard count > most else { return }
    most = count
    evidence = (process, window.oldest ?? time, time)
  }
}

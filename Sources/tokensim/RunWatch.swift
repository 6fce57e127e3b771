import Foundation
import TokenSimKit

/// What `tokensim run` watches between batches of events, none of which the model may read
/// itself: the process's resident memory against `--max-memory` (`stopped: memory-limit`),
/// Ctrl-C (`stopped: interrupted`), and, on a terminal, a progress line once the run has taken
/// more than two seconds.
final class RunWatch {
  let maxMemory: Int
  private let started = DispatchTime.now().uptimeNanoseconds
  private let visible = isatty(STDERR_FILENO) == 1
  private var shown = false

  init(maxMemory: Int) { self.maxMemory = maxMemory }

  /// The monitor a run is given: it looks every 16,384 events.
  var monitor: RunMonitor {
    RunMonitor(interval: 16_384) { [self] position in look(position) }
  }

  private func look(_ position: RunPosition) -> StopReason? {
    if Interrupt.shared.requested { return .interrupted }
    if ResidentMemory.bytes() > maxMemory { return .memoryLimit }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    if visible, seconds > 2 { show(Self.line(position, seconds: seconds)) }
    return nil
  }

  /// `simulated 3h of 1d (12%), 3,400,000 events, 1.1M events/s, about 20 s left`.
  static func line(_ position: RunPosition, seconds: Double) -> String {
    let simulated = DurationText.format(SimDuration(microseconds: position.simulated.microseconds))
    let fraction = position.fraction
    let left = fraction > 0 ? seconds * (1 - fraction) / fraction : 0
    return "simulated \(simulated) of \(DurationText.format(position.duration)) (\(Int(fraction * 100))%), "
      + "\(Figures.grouped(position.events)) events, \(Figures.rate(Double(position.events) / seconds)) events/s, "
      + "about \(Int(left.rounded(.up))) s left"
  }

  private func show(_ text: String) {
    shown = true
    FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
  }

  /// Clears the progress line, if one was shown.
  func clear() { if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
}

import Foundation
import TokenSimKit

/// Option values as typed values, each mistake a message naming the option (exit status 2).
enum OptionValues {
  /// `--jobs N`: how many runs at once, from 1 to 256; nil gives the number of cores.
  static func jobs(_ text: String?) throws(CommandFailure) -> Int {
    guard let text else { return ProcessInfo.processInfo.activeProcessorCount }
    guard let jobs = Int(text), (1...256).contains(jobs) else {
      throw CommandFailure(status: 2, message: "--jobs wants a whole number from 1 to 256, not \"\(text)\"")
    }
    return jobs
  }

  /// `--shard I/N`.
  static func shard(_ text: String?) throws(CommandFailure) -> Shard? {
    guard let text else { return nil }
    guard let shard = Shard(text) else {
      throw CommandFailure(
        status: 2, message: "--shard wants I/N with 1 ≤ I ≤ N ≤ 1000, such as 2/4 (the second of four), not \"\(text)\"")
    }
    return shard
  }

  /// `--seed N`, from 0 to 4294967295.
  static func seed(_ text: String?) throws(CommandFailure) -> UInt64? {
    guard let text else { return nil }
    guard let seed = UInt64(text), seed <= UInt64(UInt32.max) else {
      throw CommandFailure(status: 2, message: "--seed takes a whole number from 0 to 4294967295, not \"\(text)\"")
    }
    return seed
  }

  /// `--seeds 1-8,20`.
  static func seeds(_ text: String?) throws(CommandFailure) -> [UInt64]? {
    guard let text else { return nil }
    guard let seeds = SeedSweep.seeds(text) else {
      throw CommandFailure(
        status: 2, message: "--seeds wants seeds and ranges such as 1-8,20 (0 to 4294967295, at most 10000), not \"\(text)\"")
    }
    return seeds
  }
}

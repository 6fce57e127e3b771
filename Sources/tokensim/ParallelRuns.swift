import Foundation

/// Runs independent jobs on up to `jobs` threads and returns their results in job order, so the
/// output never depends on how many threads ran or which finished first.
enum ParallelRuns {
  /// `body(i)` for every `i` in `0..<count`; the first failure (in job order) is thrown after
  /// the running jobs finish.
  static func map<T: Sendable>(
    count: Int, jobs: Int, _ body: @escaping @Sendable (Int) throws(CommandFailure) -> T
  ) throws(CommandFailure) -> [T] {
    let board = Board<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
      while let index = board.take() {
        do throws(CommandFailure) {
          board.put(.success(try body(index)), at: index)
        } catch {
          board.put(.failure(error), at: index)
        }
      }
    }
    return try board.results()
  }

  /// The shared state of one `map`: the next job to hand out and each job's result.
  private final class Board<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result<T, CommandFailure>?]
    private var failed = false

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The next job, or nil when all are handed out or one failed.
    func take() -> Int? {
      lock.withLock {
        guard !failed, next < slots.count else { return nil }
        next += 1
        return next - 1
      }
    }

    func put(_ result: Result<T, CommandFailure>, at index: Int) {
      lock.withLock {
        slots[index] = result
        if case .failure = result { failed = true }
      }
    }

    func results() throws(CommandFailure) -> [T] {
      var values: [T] = []
      for slot in slots {
        switch slot {
        case .success(let value)?: values.append(value)
        case .failure(let error)?: throw error
        case nil: continue
        }
      }
      return values
    }
  }
}

/// `--jobs N`: how many runs at once (default: the number of cores).
enum Jobs {

  static func parse(_ text: String?) throws(CommandFailure) -> Int {
    guard let text else { return ProcessInfo.processInfo.activeProcessorCount }
    guard let jobs = Int(text), (1...256).contains(jobs) else {
      throw CommandFailure(status: 2, message: "--jobs wants a whole number from 1 to 256, not \"\(text)\"")
    }
    return jobs
  }
}

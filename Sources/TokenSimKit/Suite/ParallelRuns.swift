import Foundation

/// Runs independent jobs on up to `jobs` threads and returns their results in job order, so the
/// output never depends on how many threads ran or which finished first.
public enum ParallelRuns {
  /// `body(i)` for every `i` in `0..<count`; the first failure (in job order) is thrown after
  /// the running jobs finish, and no further job is started once one failed.
  public static func map<T: Sendable, E: Error>(
    count: Int, jobs: Int, _ body: @escaping @Sendable (Int) throws(E) -> T
  ) throws(E) -> [T] {
    let board = Board<T, E>(count: count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
      while let index = board.take() {
        do throws(E) {
          board.put(.success(try body(index)), at: index)
        } catch {
          board.put(.failure(error), at: index)
        }
      }
    }
    return try board.results()
  }

  /// The shared state of one `map`: the next job to hand out and each job's result.
  private final class Board<T: Sendable, E: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result<T, E>?]
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

    func put(_ result: Result<T, E>, at index: Int) {
      lock.withLock {
        slots[index] = result
        if case .failure = result { failed = true }
      }
    }

    func results() throws(E) -> [T] {
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

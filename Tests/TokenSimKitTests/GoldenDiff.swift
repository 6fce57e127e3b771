import Foundation

/// One line that differs between a golden file and what is written now.
struct LineChange: Equatable {
  /// Whether the line is only in the golden file (`removed`) or only in the new text (`added`).
  enum Side: Equatable {
    case removed
    case added
  }

  var side: Side
  /// 1-based line number in the golden file (removed) or in the new text (added).
  var line: Int
  var text: String
}

/// The fewest removed and added lines that turn `old` into `new` (Myers' diff), after the
/// common first and last lines are set aside. Beyond `maximumEdits` changes it gives up on
/// pairing and lists the whole differing middle: every line of it removed, then every line added.
func lineChanges(from old: [Substring], to new: [Substring], maximumEdits: Int = 2_000) -> [LineChange] {
  var prefix = 0
  while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
  var suffix = 0
  while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
    suffix += 1
  }
  let a = Array(old[prefix..<(old.count - suffix)])
  let b = Array(new[prefix..<(new.count - suffix)])
  func removed(_ index: Int) -> LineChange { LineChange(side: .removed, line: prefix + index + 1, text: String(a[index])) }
  func added(_ index: Int) -> LineChange { LineChange(side: .added, line: prefix + index + 1, text: String(b[index])) }
  let (n, m) = (a.count, b.count)
  let limit = min(n + m, maximumEdits)
  // v[offset + k]: the furthest x reached on diagonal k = x - y; trace[d] keeps k in -d...d.
  let offset = limit + 1
  var v = [Int](repeating: 0, count: 2 * limit + 3)
  var trace: [[Int]] = []
  var edits: Int?
  search: for d in 0...limit {
    for k in stride(from: -d, through: d, by: 2) {
      var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
      var y = x - k
      while x < n, y < m, a[x] == b[y] {
        x += 1
        y += 1
      }
      v[offset + k] = x
      if x >= n, y >= m {
        edits = d
        break search
      }
    }
    trace.append(Array(v[(offset - d)...(offset + d)]))
  }
  guard let edits else { return a.indices.map(removed) + b.indices.map(added) }
  var (x, y) = (n, m)
  var changes: [LineChange] = []
  for d in stride(from: edits, through: 1, by: -1) {
    let previous = trace[d - 1]
    func furthest(_ k: Int) -> Int { previous[k + d - 1] }
    let k = x - y
    let previousK = k == -d || (k != d && furthest(k - 1) < furthest(k + 1)) ? k + 1 : k - 1
    let previousX = furthest(previousK)
    let previousY = previousX - previousK
    while x > previousX, y > previousY {
      x -= 1
      y -= 1
    }
    changes.append(x == previousX ? added(previousY) : removed(previousX))
    (x, y) = (previousX, previousY)
  }
  return changes.reversed()
}

/// A short account of how `written` differs from the golden file `committed`, named `name`: the
/// first `shown` changed lines with their line numbers; nil when the bytes are the same.
func goldenDifference(committed: String, written: String, name: String, shown: Int = 20) -> String? {
  guard committed != written else { return nil }
  let changes = lineChanges(
    from: committed.split(separator: "\n", omittingEmptySubsequences: false),
    to: written.split(separator: "\n", omittingEmptySubsequences: false))
  let removed = changes.filter { $0.side == .removed }.count
  var text = "\(name) differs from what the suite writes now: \(removed) line(s) removed, "
  text += "\(changes.count - removed) added (- committed, + written now):"
  let width = String(changes.map(\.line).max() ?? 0).count
  for change in changes.prefix(shown) {
    let number = String(change.line)
    text += "\n  " + String(repeating: " ", count: width - number.count) + number
    text += (change.side == .removed ? " - " : " + ") + change.text
  }
  if changes.count > shown { text += "\n  … and \(changes.count - shown) more changed line(s)" }
  return text
}

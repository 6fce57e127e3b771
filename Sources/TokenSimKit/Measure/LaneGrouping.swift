/// Turns per-worker bucket tallies into at most `limit` timeline lanes: one per worker when few
/// enough, else one per program name across hosts (`mount-daemon ×100`), the rest as `other`.
enum LaneGrouping {
  static let limit = 12

  /// `cells` holds `buckets` cells per worker, in worker order, for the workers touched (a
  /// worker beyond them did nothing in any bucket).
  static func lanes(cells: [TimelineBuilder.Cell], workers: [String], buckets: Int) -> [Timeline.Lane] {
    let row = { (worker: Int) -> ArraySlice<TimelineBuilder.Cell> in
      let start = worker * buckets
      return start < cells.count
        ? cells[start..<start + buckets] : ArraySlice(repeatElement(TimelineBuilder.Cell(), count: buckets))
    }
    guard workers.count > limit else {
      return workers.indices.map { Timeline.Lane(name: workers[$0], states: states(row($0))) }
    }
    var groups: [(name: String, members: [Int])] = []
    for (index, worker) in workers.enumerated() {
      let program = programName(worker)
      if let group = groups.firstIndex(where: { $0.name == program }) {
        groups[group].members.append(index)
      } else {
        groups.append((program, [index]))
      }
    }
    if groups.count > limit {
      let rest = groups[(limit - 1)...].flatMap(\.members)
      groups = Array(groups[..<(limit - 1)]) + [("other", rest)]
    }
    return groups.map { group in
      let merged = merge(group.members, row: row, buckets: buckets)
      let name = group.members.count == 1 ? workers[group.members[0]] : "\(group.name) ×\(group.members.count)"
      return Timeline.Lane(name: name, states: states(merged))
    }
  }

  /// `laptop/mount-daemon#2` → `mount-daemon`: the worker's name after its host, without the
  /// instance number of a `NumberedName`.
  static func programName(_ worker: String) -> String {
    let local = worker.split(separator: "/", maxSplits: 1).last.map(String.init) ?? worker
    return String(NumberedName.base(of: local))
  }

  /// The group's cells, bucket by bucket: what any member did.
  private static func merge(
    _ members: [Int], row: (Int) -> ArraySlice<TimelineBuilder.Cell>, buckets: Int
  ) -> [TimelineBuilder.Cell] {
    var merged = Array(repeating: TimelineBuilder.Cell(), count: buckets)
    for member in members {
      for (index, cell) in row(member).enumerated() { merged[index].formUnion(cell) }
    }
    return merged
  }

  private static func states<Row: Collection<TimelineBuilder.Cell>>(_ row: Row) -> String {
    String(
      row.map { cell -> Character in
        if cell.contains(.alerted) { return "!" }
        if !cell.contains(.ok), !cell.contains(.failed) {
          return cell.contains(.waiting) ? "w" : cell.contains(.alive) ? "." : " "
        }
        return !cell.contains(.failed) ? "o" : !cell.contains(.ok) ? "x" : "~"
      })
  }
}

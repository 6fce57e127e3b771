/// Turns per-worker bucket tallies into at most `limit` timeline lanes: one per worker when few
/// enough, else one per program name across hosts (`mount-daemon ×100`), the rest as `other`.
enum LaneGrouping {
  static let limit = 12

  static func lanes(cells: [[TimelineBuilder.Cell]], workers: [String], buckets: Int) -> [Timeline.Lane] {
    let rows = workers.indices.map { $0 < cells.count ? cells[$0] : Array(repeating: TimelineBuilder.Cell(), count: buckets) }
    guard workers.count > limit else { return zip(workers, rows).map { Timeline.Lane(name: $0, states: states($1)) } }
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
      let merged = merge(group.members.map { rows[$0] })
      let name = group.members.count == 1 ? workers[group.members[0]] : "\(group.name) ×\(group.members.count)"
      return Timeline.Lane(name: name, states: states(merged))
    }
  }

  /// `laptop/mount-daemon#2` → `mount-daemon`.
  static func programName(_ worker: String) -> String {
    let local = worker.split(separator: "/", maxSplits: 1).last.map(String.init) ?? worker
    return local.split(separator: "#").first.map(String.init) ?? local
  }

  private static func merge(_ rows: [[TimelineBuilder.Cell]]) -> [TimelineBuilder.Cell] {
    let count = rows.map(\.count).max() ?? 0
    return (0..<count).map { index in
      var cell = TimelineBuilder.Cell()
      for row in rows where index < row.count {
        cell.ok += row[index].ok
        cell.failed += row[index].failed
        cell.alive = cell.alive || row[index].alive
        cell.alerted = cell.alerted || row[index].alerted
        cell.waiting = cell.waiting || row[index].waiting
      }
      return cell
    }
  }

  private static func states(_ row: [TimelineBuilder.Cell]) -> String {
    String(
      row.map { cell -> Character in
        if cell.alerted { return "!" }
        if cell.ok + cell.failed == 0 { return cell.waiting ? "w" : cell.alive ? "." : " " }
        return cell.failed == 0 ? "o" : cell.ok == 0 ? "x" : "~"
      })
  }
}

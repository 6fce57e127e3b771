import Foundation
import TokenSimKit

/// `tokensim bench [MANIFEST] [--only NAMES] [--json FILE]`
struct BenchCommand: Command {
  static let only = CommandOption.value("only", "NAME,...", help: "run only these workloads")
  static let json = CommandOption.value(
    "json", "FILE", help: "also write the figures and the machine they were taken on as JSON")
  static let compare = CommandOption.value(
    "compare", "OLD.json",
    help: "also print, per case, events per second and peak memory as ratios new/old against figures --json wrote")
  static let figures = CommandOption.value(
    "figures", "NEW.json", help: "with --compare: compare these figures (written by --json) instead of measuring")
  static let measure = CommandOption.value(
    "measure", "CASE",
    help: "(used by bench itself) measure one case, such as fleet-30d:naive, in this process and print its figures "
      + "as one JSON line")

  static let spec = CommandSpec(
    name: "bench", brief: "bench [MANIFEST]", summary: "measure the benchmark workloads (make bench)",
    synopsis: "[MANIFEST] [--only NAME,...] [--json FILE] [--compare OLD.json [--figures NEW.json]]",
    discussion: """
      Runs the benchmark workloads of MANIFEST (default: Scenarios/bench/bench.json) one after the
      other, each workload and strategy in a child process of its own, and prints for each: events
      processed, wall time, events per second, nanoseconds per event, simulated seconds per wall
      second, peak resident memory, events per second over the first and the last tenth of the
      events (equal when the cost of an event does not grow as the run goes), the most processes
      alive at once, peak resident memory over that number, and the resident memory at the end of
      the run over that at half time (1 when memory is flat in simulated time). A workload with
      "repeat": N in the manifest is measured N times: its row is the run with the median
      last/first ratio, and a line under the table gives every run's ratio. Figures depend
      on the machine; build with `make bench` (release) before reading them. With --compare, it
      then prints each case's events per second and peak memory as ratios new/old against figures
      an earlier --json wrote; with --figures too, it measures nothing and compares two files.
      """,
    options: [only, json, compare, figures, measure],
    exitStatus: """
      Exit status: 0 when every case ran, 2 when the manifest or the options are wrong or a case
      failed to run.
      """)

  let manifest: BenchManifest
  let only: String?
  let json: String?
  let measure: String?
  let compare: (path: String, document: BenchComparison.Document)?
  let figures: BenchComparison.Document?

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard arguments.positional.count <= 1 else {
      throw Self.spec.usageError("bench takes at most one manifest (given \(arguments.positional.count))")
    }
    manifest = try BenchManifest.load(arguments.positional.first ?? "Scenarios/bench/bench.json")
    only = arguments.value(Self.only)
    json = arguments.value(Self.json)
    measure = arguments.value(Self.measure)
    compare = try arguments.value(Self.compare).map { path throws(CommandFailure) in
      (path, try BenchComparison.load(path, option: "--compare"))
    }
    figures = try arguments.value(Self.figures).map { path throws(CommandFailure) in
      try BenchComparison.load(path, option: "--figures")
    }
    if figures != nil, compare == nil || only != nil || json != nil {
      throw Self.spec.usageError("--figures goes with --compare, and without --only or --json (it measures nothing)")
    }
  }

  func run() throws(CommandFailure) {
    if let measure {
      let measurement = try BenchMeasurement.measure(measure, in: manifest)
      let data = (try? JSONEncoder().encode(measurement)) ?? Data()
      return print(String(decoding: data, as: UTF8.self))
    }
    if let figures, let compare {
      return print(BenchComparison.text(new: figures.measurements, old: compare.document, oldPath: compare.path))
    }
    var measurements: [BenchMeasurement] = []
    for workload in try Self.selected(only, from: manifest) {
      for name in workload.cases {
        var runs: [BenchMeasurement] = []
        for run in 1...workload.repeats {
          let count = workload.repeats > 1 ? " (run \(run) of \(workload.repeats))" : ""
          FileHandle.standardError.write(Data("measuring \(name)\(count)…\n".utf8))
          runs.append(try Self.measureInChild(name, manifest: manifest))
        }
        measurements.append(BenchRepeats.median(of: runs))
      }
    }
    let machine = MachineDescription.current()
    print(BenchTable.text(measurements, machine: machine, manifest: manifest.path))
    let notes = BenchRepeats.notes(measurements)
    if !notes.isEmpty { print("\n" + notes) }
    if let compare { print("\n" + BenchComparison.text(new: measurements, old: compare.document, oldPath: compare.path)) }
    guard let json else { return }
    do { try FileOutput.write(BenchTable.json(measurements, machine: machine, manifest: manifest.path), to: json) } catch {
      throw CommandFailure(status: 2, message: "cannot write \(json): \(error.localizedDescription)")
    }
  }

  private static func selected(_ list: String?, from manifest: BenchManifest) throws(CommandFailure) -> [BenchManifest.Workload] {
    guard let list else { return manifest.workloads }
    let names = manifest.workloads.map(\.name)
    return try list.split(separator: ",").map { word throws(CommandFailure) in
      guard let workload = manifest.workloads.first(where: { $0.name == word }) else {
        let hint = closest(String(word), among: names).map { " (did you mean \($0)?)" } ?? ""
        throw CommandFailure(
          status: 2,
          message: "--only: no workload \"\(word)\" in \(manifest.path)\(hint); it has \(names.joined(separator: ", "))")
      }
      return workload
    }
  }

  /// Runs `tokensim bench MANIFEST --measure NAME` and reads its one line of figures.
  private static func measureInChild(_ name: String, manifest: BenchManifest) throws(CommandFailure) -> BenchMeasurement {
    let work = FileManager.default.temporaryDirectory.path + "/tokensim-bench-\(getpid())"
    do { try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true) } catch {
      throw CommandFailure(status: 2, message: "cannot create \(work): \(error.localizedDescription)")
    }
    defer { try? FileManager.default.removeItem(atPath: work) }
    let child = ChildProcess(executable: ChildProcess.currentExecutable, workDirectory: work, timeout: childTimeout)
    let report = child.run(["bench", manifest.path, "--measure", name], label: name)
    guard report.ending == .exited(0),
      let measurement = try? JSONDecoder().decode(BenchMeasurement.self, from: Data(report.stdout.utf8))
    else {
      throw CommandFailure(
        status: 2,
        message: "measuring \(name) failed (\(report.ending)): \(report.stderr.isEmpty ? "no figures" : report.stderr)")
    }
    return measurement
  }

  /// A workload's child prints its figures only at the end: one still silent after an hour is
  /// killed as a hang.
  private static let childTimeout = 3_600.0
}

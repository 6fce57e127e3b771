import Foundation
import TokenSimKit

/// `tokensim bench [MANIFEST] [--only NAMES] [--json FILE]`
struct BenchCommand: Command {
  static let only = CommandOption.value("only", "NAME,...", help: "run only these workloads")
  static let json = CommandOption.value(
    "json", "FILE", help: "also write the figures and the machine they were taken on as JSON")
  static let measure = CommandOption.value(
    "measure", "CASE",
    help: "(used by bench itself) measure one case, such as fleet-30d:naive, in this process and print its figures "
      + "as one JSON line")

  static let spec = CommandSpec(
    name: "bench", brief: "bench [MANIFEST]", summary: "measure the benchmark workloads (make bench)",
    synopsis: "[MANIFEST] [--only NAME,...] [--json FILE]",
    discussion: """
      Runs the benchmark workloads of MANIFEST (default: Scenarios/bench/bench.json) one after the
      other, each workload and strategy in a child process of its own, and prints for each: events
      processed, wall time, events per second, nanoseconds per event, simulated seconds per wall
      second and peak resident memory. Figures depend on the machine; build with `make bench`
      (release) before reading them.
      """,
    options: [only, json, measure],
    exitStatus: """
      Exit status: 0 when every case ran, 2 when the manifest or the options are wrong or a case
      failed to run.
      """)

  let manifest: BenchManifest
  let only: String?
  let json: String?
  let measure: String?

  init(validating arguments: ParsedArguments) throws(CommandFailure) {
    guard arguments.positional.count <= 1 else {
      throw Self.spec.usageError("bench takes at most one manifest (given \(arguments.positional.count))")
    }
    manifest = try BenchManifest.load(arguments.positional.first ?? "Scenarios/bench/bench.json")
    only = arguments.value(Self.only)
    json = arguments.value(Self.json)
    measure = arguments.value(Self.measure)
  }

  func run() throws(CommandFailure) {
    if let measure {
      let measurement = try BenchMeasurement.measure(measure, in: manifest)
      let data = (try? JSONEncoder().encode(measurement)) ?? Data()
      return print(String(decoding: data, as: UTF8.self))
    }
    let cases = try Self.selected(only, from: manifest).flatMap(\.cases)
    var measurements: [BenchMeasurement] = []
    for name in cases {
      FileHandle.standardError.write(Data("measuring \(name)…\n".utf8))
      measurements.append(try Self.measureInChild(name, manifest: manifest))
    }
    let machine = MachineDescription.current()
    print(BenchTable.text(measurements, machine: machine, manifest: manifest.path))
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
    let child = Process()
    child.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = ["bench", manifest.path, "--measure", name]
    let (output, errors) = (Pipe(), Pipe())
    child.standardOutput = output
    child.standardError = errors
    do { try child.run() } catch {
      throw CommandFailure(status: 2, message: "cannot start a child tokensim for \(name): \(error.localizedDescription)")
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    guard child.terminationStatus == 0, let measurement = try? JSONDecoder().decode(BenchMeasurement.self, from: data) else {
      throw CommandFailure(
        status: 2,
        message: "measuring \(name) failed (exit \(child.terminationStatus)): \(problem.isEmpty ? "no figures" : problem)")
    }
    return measurement
  }
}

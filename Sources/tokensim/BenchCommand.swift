import Foundation
import TokenSimKit

/// `tokensim bench [MANIFEST] [--only NAMES] [--json FILE]`
enum BenchCommand {
  static let help = """
    Usage: tokensim bench [MANIFEST] [--only NAME,...] [--json FILE]

    Runs the benchmark workloads of MANIFEST (default: Scenarios/bench/bench.json) one after the
    other, each workload and strategy in a child process of its own, and prints for each: events
    processed, wall time, events per second, nanoseconds per event, simulated seconds per wall
    second and peak resident memory. Figures depend on the machine; build with `make bench`
    (release) before reading them.

    Options:
      --only NAME,...   run only these workloads
      --json FILE       also write the figures and the machine they were taken on as JSON
      --measure CASE    (used by bench itself) measure one case, such as fleet-30d:naive, in
                        this process and print its figures as one JSON line
      --help            show this help

    Exit status: 0 when every case ran, 2 when the manifest or the options are wrong or a case
    failed to run.
    """

  static func main(_ words: [String]) throws(CommandFailure) {
    let arguments = try parse(words, valued: ["only", "json", "measure"], flags: ["help"], help: help)
    guard arguments.positional.count <= 1 else {
      throw CommandFailure(
        status: 2, message: "bench takes at most one manifest (given \(arguments.positional.count))\n\n\(help)")
    }
    let manifest = try BenchManifest.load(arguments.positional.first ?? "Scenarios/bench/bench.json")
    if let name = arguments.value("measure") {
      let measurement = try BenchMeasurement.measure(name, in: manifest)
      let data = (try? JSONEncoder().encode(measurement)) ?? Data()
      return print(String(decoding: data, as: UTF8.self))
    }
    let cases = try selected(arguments.value("only"), from: manifest).flatMap(\.cases)
    var measurements: [BenchMeasurement] = []
    for name in cases {
      FileHandle.standardError.write(Data("measuring \(name)…\n".utf8))
      measurements.append(try measureInChild(name, manifest: manifest))
    }
    let machine = MachineDescription.current()
    print(BenchTable.text(measurements, machine: machine, manifest: manifest.path))
    if let file = arguments.value("json") {
      do { try FileOutput.write(BenchTable.json(measurements, machine: machine, manifest: manifest.path), to: file) } catch {
        throw CommandFailure(status: 2, message: "cannot write \(file): \(error.localizedDescription)")
      }
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

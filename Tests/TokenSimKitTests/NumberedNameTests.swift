import Testing

@testable import TokenSimKit

/// A CLI invocation's name is its worker's and its process number (`h/cli#12`), spelled and read
/// in one place; a trace from elsewhere may name processes with several `#` or none.
struct NumberedNameTests {
  @Test(arguments: [0, 7, 9, 10, 99, 100, 1_234_567, Int.max])
  func aBaseAndANumberSpellAsTheirSumAndReadBack(number: Int) {
    for base in ["", "h/cli", "a-rather-long-host-name-03/nightly-sync", "h/a#b"] {
      let name = NumberedName.spell(base, number)
      #expect(name == base + "#" + String(number))
      #expect(NumberedName.parse(name)?.number == number)
      #expect(NumberedName.isNumbered(name, number))
      #expect(!NumberedName.isNumbered(name, number / 10 + 1))
      #expect(NumberedName.base(of: name) == base[...])
    }
  }

  @Test func onlyALastHashBeforeANumberAsSpelledNumbersAName() {
    for name in ["h/job", "h/job#", "h/job#012", "h/job#1x", "h/job#-1", "h/job#99999999999999999999", "h/job12"] {
      #expect(NumberedName.parse(name) == nil, "\(name)")
      #expect(!NumberedName.isNumbered(name, 12) && !NumberedName.isNumbered(name, 1), "\(name)")
      #expect(NumberedName.base(of: name) == name[...], "\(name)")
    }
    #expect(NumberedName.parse("h/job#0")?.number == 0)
    #expect(NumberedName.base(of: "h/a#b#12") == "h/a#b")
    #expect(NumberedName.base(of: "#12") == "")
  }

  @Test(arguments: [0, 5, 10, 1_000, 9_999, Int.max])
  func digitsAreCountedWalkedAndReadAsStringSpellsThem(number: Int) {
    var walked: [UInt8] = []
    DecimalDigits.forEach(of: number) { walked.append($0) }
    #expect(walked == Array(String(number).utf8))
    #expect(DecimalDigits.count(of: number) == walked.count)
    #expect(walked.withUnsafeBufferPointer { DecimalDigits.value(of: $0) } == number)
    let written = [UInt8](unsafeUninitializedCapacity: 24) { buffer, count in
      let start = DecimalDigits.write(number, into: buffer, endingAt: 24)
      for index in 0..<24 - start { buffer[index] = buffer[start + index] }
      count = 24 - start
    }
    #expect(written == walked)
  }

  /// The timeline groups workers by program once there are more than twelve: a worker's program
  /// is its name after the host, less an instance number. A worker named from a trace's CLI
  /// `h1/a#b#3` is `h1/a#b` (the invocation number split at the last `#`), so its program is
  /// `a#b`: splitting it again at its first `#` merged it with the CLI `a#c` (the world names
  /// processes with one `#` at most, as scenario names hold none; a trace from elsewhere may hold
  /// more).
  @Test func aWorkersProgramLosesOnlyItsNumberAsTheWorkerLostTheInvocations() {
    var trace: [TraceEvent] = []
    var process = 0
    for host in 1...7 {
      for tool in ["a#b", "a#c"] {
        process += 1
        trace.append(at(0, .processStarted(process: process, name: "h\(host)/\(tool)#\(process)", role: .cli, host: "h\(host)")))
      }
      for instance in 1...2 {
        process += 1
        trace.append(at(0, .processStarted(process: process, name: "h\(host)/d#\(instance)", role: .daemon, host: "h\(host)")))
      }
    }
    trace.append(at(60, .runEnded(reason: .endOfTime)))
    let analysis = RunAnalysis(trace: trace, duration: .minutes(1), settings: CheckSettings())
    #expect(analysis.timeline.lanes.map(\.name) == ["a#b ×7", "a#c ×7", "d ×14"])
  }
}

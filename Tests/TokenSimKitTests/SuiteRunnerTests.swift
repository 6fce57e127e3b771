import Foundation
import Testing
import TokenSimKit

/// The runners behind `compare`, `suite`, `merge` and `run --seeds`, in process.
@Suite struct SuiteRunnerTests {
  struct Boom: Error, Equatable { let index: Int }

  static let matrixScenario = oneHost(
    duration: "2h", processes: #"[{"name": "d", "role": "daemon", "cycle": {"every": "1m"}}]"#)

  /// A one-scenario matrix of three built-in strategies.
  func matrix() throws -> MatrixRun {
    MatrixRun(
      scenarios: [try scenario(Self.matrixScenario)],
      strategies: try ["naive", "lease-shared", "broker"].map { try choice($0) })
  }

  @Test func parallelRunsKeepJobOrderWithOneJobOrTwo() {
    let work: @Sendable (Int) -> String = { index in
      usleep(UInt32((7 - index % 7) * 300))
      return "job \(index)"
    }
    let one = ParallelRuns.map(count: 30, jobs: 1, work)
    let two = ParallelRuns.map(count: 30, jobs: 2, work)
    #expect(one == (0..<30).map { "job \($0)" })
    #expect(two == one)
  }

  @Test func parallelRunsThrowTheFirstFailureInJobOrder() {
    #expect(throws: Boom(index: 3)) {
      try ParallelRuns.map(count: 10, jobs: 2) { index throws(Boom) in
        if index == 3 || index == 5 { throw Boom(index: index) }
        return index
      }
    }
  }

  @Test func shardsPartitionEveryMatrixWithoutOverlapOrGap() {
    for count in 1...6 {
      let shards = (1...count).map { Shard(number: $0, of: count)! }
      for index in 0..<25 { #expect(shards.count { $0.contains(index) } == 1, "run \(index) of \(count) shards") }
    }
    #expect((0..<10).filter { Shard(number: 2, of: 3)!.contains($0) } == [1, 4, 7])
    #expect(Shard("2/4") == Shard(number: 2, of: 4))
    for text in ["0/2", "3/2", "1/0", "x", "1/2/3", "2", "1/1001", "-1/2"] { #expect(Shard(text) == nil, "\(text)") }
  }

  @Test func aShardedMatrixRunsOnlyItsSliceAndTheSlicesMakeTheWhole() throws {
    try withTemporaryDirectory { root in
      let matrix = try matrix()
      let first = try matrix.run(shard: Shard(number: 1, of: 2), out: root + "/1", jobs: 2)
      let second = try matrix.run(shard: Shard(number: 2, of: 2), out: root + "/2", jobs: 1)
      #expect(first.map(\.index) == [0, 2])
      #expect(second.map(\.index) == [1])
      #expect(second[0].entry.strategy == "lease-shared")
      #expect(FileManager.default.fileExists(atPath: root + "/2/t/lease-shared/report.json"))
      #expect(!FileManager.default.fileExists(atPath: root + "/2/t/naive"))
    }
  }

  @Test func mergeRefusesMissingRepeatedAndForeignShardsAndOrdersTheRest() throws {
    let matrix = try matrix()
    let placed = try withTemporaryDirectory { root in try matrix.run(out: root, jobs: 2) }
    func shard(_ number: Int, of count: Int, runs: [String] = matrix.runNames) -> ShardFile {
      let mine = placed.filter { Shard(number: number, of: count)!.contains($0.index) }
      return ShardFile(shard: number, of: count, suite: false, runs: runs, entries: mine)
    }
    let (first, second) = (shard(1, of: 2), shard(2, of: 2))
    let cases: [([ShardFile], String)] = [
      ([first], "shard(s) 2/2 missing: merge needs all 2 shards"),
      ([first, first], "shard 1/2 is given twice"),
      ([first, shard(2, of: 2, runs: ["t/naive"])], "b is a shard of another matrix than a"),
      ([first, shard(2, of: 3)], "b is a shard of another matrix than a"),
      ([], "merge needs the output directory of every shard"),
    ]
    for (shards, message) in cases {
      #expect {
        try ShardMerge.combined(shards, directories: ["a", "b"])
      } throws: { error in
        (error as? SuiteError)?.message.contains(message) == true
      }
    }
    let merged = try ShardMerge.combined([second, first], directories: ["b", "a"])
    #expect(merged.map(\.strategy) == ["naive", "lease-shared", "broker"])
  }

  @Test func aMergeOfShardDirectoriesWritesTheUnshardedMatrixAndNothingWhenOneIsMissing() throws {
    try withTemporaryDirectory { root in
      let matrix = try matrix()
      _ = try matrix.runAndPublish(out: root + "/whole", jobs: 2)
      _ = try matrix.runAndPublish(shard: Shard(number: 1, of: 2), out: root + "/1", jobs: 2)
      _ = try matrix.runAndPublish(shard: Shard(number: 2, of: 2), out: root + "/2", jobs: 2)
      #expect(throws: SuiteError("shard(s) 2/2 missing: merge needs all 2 shards")) {
        try ShardMerge.merge([root + "/1"], into: root + "/refused")
      }
      #expect(!FileManager.default.fileExists(atPath: root + "/refused"))
      let merged = try ShardMerge.merge([root + "/2", root + "/1"], into: root + "/merged")
      #expect(!merged.suite && merged.entries.count == 3)
      for file in ["compare.json", "compare.md", "compare.html", "t/broker/report.json"] {
        #expect(FileManager.default.contentsEqual(atPath: "\(root)/whole/\(file)", andPath: "\(root)/merged/\(file)"), "\(file)")
      }
    }
  }

  @Test func aSeedSweepKeepsTheSeedsInTheOrderGivenWhateverTheJobs() throws {
    let scenario = try Scenario.load(path: packageRoot.path + "/Scenarios/transient-502-past-expiry.json")
    let naive = try choice("naive")
    let seeds: [UInt64] = [9, 3, 7, 1]
    try withTemporaryDirectory { root in
      let one = try SeedSweep.run(scenario, strategy: naive, seeds: seeds, directory: root + "/1", trace: false, jobs: 1)
      let two = try SeedSweep.run(scenario, strategy: naive, seeds: seeds, directory: root + "/2", trace: true, jobs: 2)
      #expect(one.map(\.seed) == seeds && two.map(\.seed) == seeds)
      for (index, seed) in seeds.enumerated() {
        let alone = Simulation(scenario: scenario, strategy: naive, seed: seed).run(trace: .discard)
        #expect(one[index].entry.metrics == alone.metrics, "seed \(seed)")
        #expect(two[index].entry.metrics == alone.metrics, "seed \(seed)")
        #expect(FileManager.default.fileExists(atPath: "\(root)/2/seed-\(seed)/trace.jsonl"))
      }
    }
    #expect(SeedSweep.seeds("3,7-9") == [3, 7, 8, 9])
    for text in ["5-2", "1,1", "0-10000", "", "x", "4294967296"] { #expect(SeedSweep.seeds(text) == nil, "\(text)") }
  }
}
